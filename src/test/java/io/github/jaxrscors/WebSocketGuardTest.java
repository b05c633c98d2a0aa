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

import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.WebSocketEndpoints;
import io.github.jaxrscors.support.WebSocketRuntime;
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

    /** An application in a servlet container without the upgrade hook: checkOrigin is shown the Origin alone. */
    private static ApplicationPolicies.Application application(String name, CorsOptions options, Map<String, Object> properties,
            String... publicOrigins) {
        return application(name, options, properties, true, publicOrigins);
    }

    private static ApplicationPolicies.Application application(String name, CorsOptions options, Map<String, Object> properties,
            boolean servlet, String... publicOrigins) {
        PolicyTable table = PolicyTable.create(new Layer(options, "CorsFeature.builder()"), PropertyReader.read(properties), List.of(),
                false);
        return new ApplicationPolicies.Application("the Jersey application " + name, table,
                PolicyResolver.serverOrigin(List.of(publicOrigins), "CorsFeature.builder()", false), new DecisionEvents(List.of()), servlet);
    }

    private ApplicationPolicies.Application register(String name, CorsOptions options, String... publicOrigins) {
        ApplicationPolicies.Application app = application(name, options, Map.of(), publicOrigins);
        ApplicationPolicies.register(loader, app);
        return app;
    }

    /** A handshake as a request-aware predicate sees it. */
    record View(String path, Map<String, String> headers) implements Handshake {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String scheme() {
            return "http";
        }

        @Override
        public WebSocketGuard.Endpoint endpoint() {
            return null;
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
        guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://app.example.com", new View("/chat", Map.of()));
        guard.handshake("/chat", WebSocketEndpoints.Chat.class, "https://app.example.com", new View("/chat", Map.of()));
        assertThat("one line per endpoint", log.messages(Level.INFO).stream().filter(m -> m.startsWith("WebSocket endpoint")).toList(),
                is(List.of("WebSocket endpoint /chat (WebSocketEndpoints$Chat) is guarded by origins "
                        + "[https://app.example.com] (from CorsFeature.builder() of the Jersey application Shop); same-origin pages "
                        + "pass through the request's own origin and publicOrigins [https://shop.example]; upgrades without Origin "
                        + "pass; others are refused with 403")));
    }

    @Test
    void propertiesLendTheirOriginsWhereTheBuilderSetsNone() {
        ApplicationPolicies.register(loader, application("Shop", CorsOptions.builder().build(),
                Map.of(CorsProperties.ORIGINS, "https://app.example.com")));
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://app.example.com"), is(true));
        assertThat(guard.checkOrigin("https://evil.example"), is(false));
        guard.handshake("/chat", WebSocketEndpoints.Chat.class, null, new View("/chat", Map.of()));
        assertThat(log.messages(Level.INFO).toString(), containsString("(from property jaxrs.cors.origins of the Jersey application Shop)"));
    }

    @Test
    void crossOriginOnTheConfiguratorAloneAppliesOverTheDefaults() {
        WebSocketGuard guard = new WebSocketGuard(WebSocketEndpoints.AdminOrigins.class);
        assertThat(guard.checkOrigin("https://admin.example.com"), is(true));
        assertThat(guard.checkOrigin("https://app.example.com"), is(false));
        guard.handshake("/admin", WebSocketEndpoints.Admin.class, null, new View("/admin", Map.of()));
        assertThat(log.messages(Level.INFO).toString(), allOf(containsString("WebSocket endpoint /admin (WebSocketEndpoints$Admin) is "
                + "guarded by origins [https://admin.example.com]"), containsString("(from @CrossOrigin on WebSocketEndpoints$AdminOrigins)"),
                containsString("same-origin pages pass through the request's own origin;")));
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
                + "\"https://evil.example\\u000d\\u000aX-Forged: 1\" is not allowed by origins [https://app.example.com] (from "
                + "CorsFeature.builder()) and is not the server's own (the request's own origin, the request not shown)"));
        assertThat("no raw line break reaches the log", debug.stream().filter(m -> m.contains("\r") || m.contains("\n")).toList(), is(empty()));
    }

    @Test
    void outsideAServletContainerARequestAwarePredicateDecidesInTheHandshakeWithTheHeadersItDeclared() {
        ApplicationPolicies.register(loader, application("Shop", CorsOptions.builder().originPredicate((origin, request) -> origin.equals(
                "https://tenant.example.com") && "acme".equals(request.header("X-Tenant")) && request.path().equals("/chat")
                && request.method().equals("GET"), "X-Tenant").build(), Map.of(), false));
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
    void withTheRequestShownCheckOriginDecidesSameOriginByHostAndAsksTheRequestAwarePredicate() {
        register("Shop", CorsOptions.builder().originPredicate((origin, request) -> origin.equals("https://tenant.example.com")
                && "acme".equals(request.header("X-Tenant")) && request.path().equals("/chat"), "X-Tenant").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        try {
            WebSocketGuard.CURRENT.set(new View("/chat", Map.of("Host", "shop.example:8080", "Origin", "http://shop.example:8080")));
            assertThat("the request's own origin, from Host", guard.checkOrigin("http://shop.example:8080"), is(true));
            WebSocketGuard.CURRENT.set(new View("/chat", Map.of("Host", "shop.example:8080", "Origin", "https://tenant.example.com",
                    "X-Tenant", "acme")));
            assertThat(guard.checkOrigin("https://tenant.example.com"), is(true));
            WebSocketGuard.CURRENT.set(new View("/chat", Map.of("Host", "shop.example:8080", "Origin", "https://tenant.example.com",
                    "X-Tenant", "other")));
            assertThat("the predicate refuses in checkOrigin (403)", guard.checkOrigin("https://tenant.example.com"), is(false));
            WebSocketGuard.CURRENT.set(new View("/chat", Map.of("Host", "shop.example:8080", "Origin", "http://shop.example:9090")));
            assertThat("another port is another origin", guard.checkOrigin("http://shop.example:9090"), is(false));
        } finally {
            WebSocketGuard.CURRENT.remove();
        }
    }

    @Test
    void withoutTheRequestARequestAwarePredicateRefusesEveryCrossOriginUpgradeNamingTheFix() {
        register("Shop", CorsOptions.builder().originPredicate((origin, request) -> true, "X-Tenant").build(), "https://shop.example");
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        assertThat(guard.checkOrigin("https://tenant.example.com"), is(false));
        assertThat("publicOrigins still tell a same-origin page", guard.checkOrigin("https://shop.example"), is(true));
        assertThat(guard.checkOrigin(null), is(true));
        assertThat(log.messages(Level.SEVERE).toString(), containsString("Register io.github.jaxrscors.CorsServletFilter as the "
                + "context's ServletContainerInitializer"));
    }

    @Test
    void anUpgradePathFindsItsEndpointExactTemplatesFirstThenTheMostLiteralSegments() {
        List<WebSocketGuard.Endpoint> endpoints = List.of(new WebSocketGuard.Endpoint("/rooms/{room}", Object.class),
                new WebSocketGuard.Endpoint("/rooms/lobby", String.class), new WebSocketGuard.Endpoint("/{any}/{room}", Integer.class));
        assertThat(WebSocketGuard.Endpoint.find(endpoints, "/rooms/lobby").type(), is(String.class));
        assertThat(WebSocketGuard.Endpoint.find(endpoints, "/rooms/7").type(), is(Object.class));
        assertThat(WebSocketGuard.Endpoint.find(endpoints, "/halls/7").type(), is(Integer.class));
        assertThat("a variable matches one whole segment", WebSocketGuard.Endpoint.find(endpoints, "/rooms/7/x"), is(nullValue()));
        assertThat(WebSocketGuard.Endpoint.find(endpoints, "/rooms/"), is(nullValue()));
    }

    @Test
    void anEndpointCarryingCrossOriginThatTheHookDidNotKnowIsRefusedInTheHandshakeWithAnErrorNamingTheFix() {
        register("Shop", CorsOptions.builder().origins("https://app.example.com").build());
        WebSocketGuard guard = new WebSocketGuard(CorsWebSocketConfigurator.class);
        View request = new View("/annotated", Map.of("Host", "shop.example", "Origin", "https://app.example.com"));
        try {
            WebSocketGuard.CURRENT.set(request);
            assertThat("without the endpoint, the application's origins let it on", guard.checkOrigin("https://app.example.com"),
                    is(true));
            assertThat(guard.handshake("/annotated", WebSocketEndpoints.Annotated.class, "https://app.example.com", request),
                    containsString("is not allowed by origins [https://annotated.example.com]"));
        } finally {
            WebSocketGuard.CURRENT.remove();
        }
        assertThat(log.messages(Level.SEVERE).toString(), containsString("WebSocket endpoint /annotated (WebSocketEndpoints$Annotated) "
                + "carries @CrossOrigin, but the upgrade hook did not know the endpoint"));
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
