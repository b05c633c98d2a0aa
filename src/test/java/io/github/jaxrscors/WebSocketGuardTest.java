package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Where a {@link CorsWebSocketConfigurator}'s origins come from, what it refuses at first use, and
 * what it logs: decided by {@link WebSocketGuard} without a server, each test under a class loader
 * of its own (the registry's key), as a web application has.
 */
@Tag("http")
@Isolated
class WebSocketGuardTest {

    private ClassLoader previous;
    private ClassLoader loader;
    private final LogCapture log = new LogCapture();

    @BeforeEach
    void ownClassLoader() {
        previous = Thread.currentThread().getContextClassLoader();
        loader = WebSocketRuntime.ownLoader();
        Thread.currentThread().setContextClassLoader(loader);
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(previous);
        log.close();
    }

    private static ApplicationPolicies.Application application(String name, CorsOptions options, Map<String, Object> properties,
            String... publicOrigins) {
        PolicyTable table = PolicyTable.create(new Layer(options, "CorsFeature.builder()"), PropertyReader.read(properties), List.of(),
                false);
        return new ApplicationPolicies.Application("the Jersey application " + name, table,
                PolicyResolver.serverOrigin(List.of(publicOrigins), "CorsFeature.builder()", false));
    }

    private ApplicationPolicies.Application register(String name, CorsOptions options, String... publicOrigins) {
        ApplicationPolicies.Application app = application(name, options, Map.of(), publicOrigins);
        ApplicationPolicies.register(loader, app);
        return app;
    }

    /** A handshake as a request-aware predicate sees it. */
    record View(String path, Map<String, String> headers) implements CorsRequestView {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }
    }

    @Test
    void theApplicationsOriginsAreAllowedAndEveryOtherOriginIsRefused() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com", "https://*.example.net").build(), "https://shop.example");
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(true));
        assertThat(guard.checkOrigin("https://eu.example.net"), is(true));
        assertThat("the server's own origin", guard.checkOrigin("https://shop.example"), is(true));
        assertThat("no Origin: not a browser", guard.checkOrigin(null), is(true));
        assertThat(guard.checkOrigin("https://evil.example"), is(false));
        assertThat(guard.checkOrigin("null"), is(false));
        assertThat(guard.checkOrigin("https://APP.example.com"), is(false));
    }

    @Test
    void theStartupLineSaysWhichOriginsAreInForceAndWhereTheyCameFrom() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build(), "https://shop.example");
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        guard.checkOrigin("https://app.example.com");
        assertThat(log.messages(Level.INFO), hasItem("WebSocket upgrades checked by CorsWebSocketConfigurator: origins "
                + "[https://app.example.com] (from CorsFeature.builder() of the Jersey application Shop); same-origin pages through "
                + "publicOrigins [https://shop.example]; upgrades without Origin pass; others are refused with 403"));
        guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://app.example.com", new View("/chat", Map.of()));
        guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://app.example.com", new View("/chat", Map.of()));
        assertThat("one line per endpoint", log.messages(Level.INFO).stream().filter(m -> m.startsWith("WebSocket endpoint")).toList(),
                is(List.of("WebSocket endpoint /chat (WebSocketEndpoints$Chat) is guarded by CorsWebSocketConfigurator: origins "
                        + "[https://app.example.com] (from CorsFeature.builder() of the Jersey application Shop); same-origin pages "
                        + "through publicOrigins [https://shop.example]; upgrades without Origin pass; others are refused with 403")));
    }

    @Test
    void propertiesLendTheirOriginsWhereTheBuilderSetsNone() {
        ApplicationPolicies.register(loader, application("Shop", CorsOptions.builder().build(),
                Map.of(CorsProperties.ORIGINS, "https://app.example.com")));
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(true));
        assertThat(guard.checkOrigin("https://evil.example"), is(false));
        assertThat(log.messages(Level.INFO).toString(), containsString("(from property jaxrs.cors.origins of the Jersey application Shop)"));
    }

    @Test
    void crossOriginOnTheConfiguratorAloneAppliesOverTheDefaults() {
        WebSocketGuard guard = new WebSocketGuard(WebSocketEndpoints.AdminOrigins.class);
        assertThat(guard.checkOrigin("https://admin.example.com"), is(true));
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
        assertThat(log.messages(Level.INFO).toString(), allOf(containsString("WebSocket upgrades checked by WebSocketEndpoints$AdminOrigins"),
                containsString("(from @CrossOrigin on WebSocketEndpoints$AdminOrigins)"),
                containsString("no publicOrigins, so a same-origin page is refused unless its origin is listed")));
    }

    @Test
    void crossOriginOnTheConfiguratorWinsOverTheApplicationsOrigins() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build());
        WebSocketGuard guard = new WebSocketGuard(WebSocketEndpoints.AdminOrigins.class);
        assertThat(guard.checkOrigin("https://admin.example.com"), is(true));
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
    }

    @Test
    void withNeitherApplicationNorAnnotationEveryCrossOriginUpgradeIsRefusedWithAWarningThatNamesTheConfigurator() {
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
        assertThat(guard.checkOrigin(null), is(true));
        assertThat(log.messages(Level.WARNING), hasItem(allOf(containsString("WebSocket upgrades checked by CorsWebSocketConfigurator"),
                containsString("no Jersey application with a CorsFeature is running"), containsString("every cross-origin upgrade is refused"))));
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build());
        assertThat("an application started later is found", guard.checkOrigin("https://app.example.com"), is(true));
    }

    @Test
    void aRestartedApplicationsOriginsReplaceThoseOfTheStoppedOne() {
        ApplicationPolicies.Application first = register("Shop", CorsOptions.builder().origins("https://old.example.com").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://old.example.com"), is(true));
        ApplicationPolicies.unregister(loader, first);
        assertThat("a stopped application lends nothing", guard.checkOrigin("https://old.example.com"), is(false));
        register("Shop", CorsOptions.builder().origins("https://new.example.com").build());
        assertThat(guard.checkOrigin("https://new.example.com"), is(true));
        assertThat(guard.checkOrigin("https://old.example.com"), is(false));
    }

    @Test
    void severalApplicationsInOneClassLoaderAreNotGuessedBetween() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build());
        ApplicationPolicies.Application admin = register("Admin", CorsOptions.builder().origins("https://admin.example.com").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
        assertThat(guard.checkOrigin("https://admin.example.com"), is(false));
        assertThat(log.messages(Level.SEVERE), hasItem(allOf(containsString("2 Jersey applications with a CorsFeature run in this class loader"),
                containsString("the Jersey application Shop"), containsString("the Jersey application Admin"))));
        ApplicationPolicies.unregister(loader, admin);
        assertThat("once one remains, its origins apply", guard.checkOrigin("https://app.example.com"), is(true));
    }

    @Test
    void defaultOriginsStarAreRefusedNamingTheSettingItsSourceAndTheFix() {
        register("Shop", CorsOptions.builder().build(), "https://shop.example");
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
        assertThat("the server's own origin still passes", guard.checkOrigin("https://shop.example"), is(true));
        assertThat(log.messages(Level.SEVERE), is(List.of("CORS configuration error in WebSocket upgrades checked by "
                + "CorsWebSocketConfigurator: origins \"*\" (from defaults) would let every site open a WebSocket (browsers send the "
                + "user's cookies with a WebSocket upgrade from any page, so any site could open this socket as its visitors and "
                + "read and write as them: cross-site WebSocket hijacking). List the origins whose pages may open the socket "
                + "(CorsFeature.builder().origins(...), property jaxrs.cors.origins, or @CrossOrigin on a subclass of "
                + "CorsWebSocketConfigurator); a socket meant for every site needs no origin check, so leave the configurator off it.")));
    }

    @Test
    void originsStarFromAPropertyAreRefusedNamingTheKey() {
        ApplicationPolicies.register(loader, application("Shop", CorsOptions.builder().build(), Map.of(CorsProperties.ORIGINS, "*")));
        assertThat(new WebSocketGuard(CorsWebSocketConfigurator.class).checkOrigin("https://evil.example"), is(false));
        assertThat(log.messages(Level.SEVERE).toString(), containsString("origins \"*\" (from property jaxrs.cors.origins of the Jersey "
                + "application Shop) would let every site open a WebSocket"));
    }

    @Test
    void theNullOriginAndAnySitePatternsAreRefused() {
        register("Shop", CorsOptions.builder().origins("null", "https://app.example.com").build());
        assertThat(new WebSocketGuard(CorsWebSocketConfigurator.class).checkOrigin("https://app.example.com"), is(false));
        assertThat(log.messages(Level.SEVERE).toString(), containsString("origins \"null\" (from CorsFeature.builder() of the Jersey "
                + "application Shop) would let every site open a WebSocket from a sandboxed iframe"));
        ApplicationPolicies.unregister(loader, ApplicationPolicies.registered(loader).get(0));
        register("Blog", CorsOptions.builder().originPatterns("https://.*").build());
        assertThat(new WebSocketGuard(CorsWebSocketConfigurator.class).checkOrigin("https://app.example.com"), is(false));
        assertThat(log.messages(Level.SEVERE).toString(), containsString("originPatterns entry \"https://.*\" (from "
                + "CorsFeature.builder() of the Jersey application Blog) matches https://attacker.invalid"));
    }

    @Test
    void aRefusalIsLoggedAtDebugWithItsReasonAndTheOriginEscaped() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build());
        assertThat(new WebSocketGuard(CorsWebSocketConfigurator.class).checkOrigin("https://evil.example\r\nX-Forged: 1"), is(false));
        List<String> debug = log.records().stream().filter(r -> r.getLevel() == Level.FINE).map(r -> r.getMessage()).toList();
        assertThat(debug, hasItem("WebSocket upgrade refused with 403 by CorsWebSocketConfigurator: Origin "
                + "\"https://evil.example\\u000d\\u000aX-Forged: 1\" is not allowed by origins [https://app.example.com] and is not one "
                + "of the server's publicOrigins []"));
        assertThat("no raw line break reaches the log", debug.stream().filter(m -> m.contains("\r") || m.contains("\n")).toList(), is(empty()));
    }

    @Test
    void aRequestAwarePredicateDecidesInTheHandshakeWithTheHeadersItDeclared() {
        register("Shop", CorsOptions.builder().originPredicate((origin, request) -> origin.equals("https://tenant.example.com")
                && "acme".equals(request.header("X-Tenant")) && request.path().equals("/chat") && request.method().equals("GET"),
                "X-Tenant").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat("checkOrigin cannot see the request: the handshake decides", guard.checkOrigin("https://tenant.example.com"), is(true));
        assertThat("a value that is no origin is refused at once", guard.checkOrigin("https://tenant.example.com/"), is(false));
        assertThat(guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://tenant.example.com",
                new View("/chat", Map.of("X-Tenant", "acme"))), is(nullValue()));
        assertThat(guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://tenant.example.com",
                new View("/chat", Map.of("X-Tenant", "other"))), containsString("is refused by the originPredicate"));
        assertThat(guard.handshake("/chat", WebSocketEndpoints.Chat.class, null, new View("/chat", Map.of())), is(nullValue()));
    }

    @Test
    void aPredicateReadingAHeaderItDidNotDeclareRefusesTheUpgrade() {
        register("Shop", CorsOptions.builder().originPredicate((origin, request) -> request.header("Cookie") != null, "X-Tenant").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://tenant.example.com",
                new View("/chat", Map.of("Cookie", "s=1"))), containsString("is refused"));
        assertThat(log.messages(Level.WARNING).toString(), containsString("the predicate read request header Cookie, which it did not declare"));
    }

    @Test
    void theRegistryFollowsTheApplicationsContainer() throws Exception {
        assertThat(ApplicationPolicies.registered(loader), is(empty()));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:" + BrowserPages.freePort() + "/"),
                new ResourceConfig(WebSocketEndpoints.Ping.class).setApplicationName("Shop")
                        .register(CorsFeature.builder().origins("https://app.example.com").build()));
        try {
            assertThat(ApplicationPolicies.registered(loader), hasSize(1));
            assertThat(ApplicationPolicies.registered(loader).get(0).name(), is("the Jersey application Shop"));
            assertThat(new WebSocketGuard(CorsWebSocketConfigurator.class).checkOrigin("https://app.example.com"), is(true));
        } finally {
            server.shutdownNow();
        }
        assertThat("a stopped application leaves the registry", ApplicationPolicies.registered(loader), is(empty()));
        assertThat(ApplicationPolicies.registered(previous), not(hasItem(nullValue())));
    }
}
