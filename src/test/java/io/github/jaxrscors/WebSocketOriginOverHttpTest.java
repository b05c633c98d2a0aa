package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.RawUpgrade;
import io.github.jaxrscors.support.WebSocketEndpoints;
import io.github.jaxrscors.support.WebSocketRuntime;
import io.github.jaxrscors.support.WebSocketRuntime.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WebSocket upgrades over raw sockets on Tyrus (Grizzly), Jetty 12 and Tomcat, each guarded by
 * {@link CorsWebSocketConfigurator} with the policy covering the endpoint: every origin form
 * against {@code Sec-Fetch-Site} and cookies, same-origin pages by {@code Host} and by trusted
 * forwarded headers, path rules, {@code @CrossOrigin} on the endpoint class and on the
 * configurator; the status and the headers of each answer (a refusal is 403 everywhere), whether
 * the endpoint opened a socket and saw the message, and the decision events.
 */
@Tag("http")
@Isolated
class WebSocketOriginOverHttpTest {

    private static final Map<Kind, WebSocketRuntime> RUNTIMES = new EnumMap<>(Kind.class);
    private static final Map<Kind, Integer> PORTS = new EnumMap<>(Kind.class);
    /** The same endpoints behind an application that trusts forwarded headers. */
    private static final Map<Kind, WebSocketRuntime> TRUSTING = new EnumMap<>(Kind.class);
    private static final Map<Kind, Integer> TRUSTING_PORTS = new EnumMap<>(Kind.class);
    /** What the first application's decision listener was told. */
    private static final List<CorsDecisionEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        for (Kind kind : Kind.values()) {
            WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                    .origins("https://app.example.com", "https://*.apps.example.com", "http://dev.example.test:*")
                    .originPatterns("https://pr-\\d+\\.preview\\.example\\.net")
                    .originPredicate(origin -> origin.equals("https://partner.example.org"))
                    .resource("/team-a", CorsOptions.builder().origins("https://a.example.com").build())
                    .resource("/team-b", CorsOptions.builder().origins("https://b.example.com").build())
                    .resource("/.*")
                    .decisionListener(EVENTS::add)
                    .build(), Map.of());
            RUNTIMES.put(kind, runtime);
            PORTS.put(kind, runtime.port());
            WebSocketRuntime trusting = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                    .origins("https://app.example.com").trustForwardedHeaders(true).build(), Map.of());
            TRUSTING.put(kind, trusting);
            TRUSTING_PORTS.put(kind, trusting.port());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebSocketRuntime runtime : RUNTIMES.values()) {
            runtime.close();
        }
        for (WebSocketRuntime runtime : TRUSTING.values()) {
            runtime.close();
        }
    }

    /** Origin values and whether {@code /chat} accepts them; {@code OWN} stands for the server's own origin, from its Host. */
    static final String OWN = RawUpgrade.OWN;

    static List<Object[]> origins() {
        return List.of(
                new Object[] {null, true, "no Origin: not a browser"},
                new Object[] {"https://app.example.com", true, "listed exactly"},
                new Object[] {"https://eu.apps.example.com", true, "subdomain wildcard"},
                new Object[] {"https://apps.example.com", false, "the wildcard's bare domain"},
                new Object[] {"http://dev.example.test:5173", true, "port wildcard"},
                new Object[] {"https://pr-42.preview.example.net", true, "origin pattern"},
                new Object[] {"https://partner.example.org", true, "origin predicate"},
                new Object[] {OWN, true, "the server's own origin (scheme and Host)"},
                new Object[] {"http://localhost:1", false, "the same host on another port"},
                new Object[] {"https://localhost", false, "the same host over another scheme"},
                new Object[] {"https://evil.example", false, "another site"},
                new Object[] {"https://app.example.com.evil.example", false, "a lookalike suffix"},
                new Object[] {"null", false, "null (sandboxed iframe)"},
                new Object[] {"HTTPS://APP.EXAMPLE.COM", false, "upper case: no browser's"},
                new Object[] {"https://app.example.com/", false, "with a path"},
                new Object[] {"https://app.example.com, https://evil.example", false, "a list"});
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Object[] origin : origins()) {
                for (String site : new String[] {null, "same-origin", "cross-site"}) {
                    for (String cookie : new String[] {null, "session=s3cret"}) {
                        cases.add(Arguments.of(kind, origin[0], origin[1], site, cookie));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: Origin {1}, Sec-Fetch-Site {3}, Cookie {4}: accepted {2}")
    @MethodSource("matrix")
    void upgradeIsAcceptedExactlyWhenTheOriginIsAllowedWhateverFetchMetadataAndCookiesSay(Kind kind, String origin, boolean accepted,
            String secFetchSite, String cookie) throws Exception {
        int port = PORTS.get(kind);
        String sent = OWN.equals(origin) ? "http://localhost:" + port : origin;
        List<String> headers = new ArrayList<>();
        if (sent != null) {
            headers.add("Origin: " + sent);
        }
        if (secFetchSite != null) {
            headers.add("Sec-Fetch-Mode: websocket");
            headers.add("Sec-Fetch-Site: " + secFetchSite);
        }
        if (cookie != null) {
            headers.add("Cookie: " + cookie);
        }
        String message = "m-" + kind.ordinal() + "-" + System.nanoTime();
        String socket = "/chat?run=" + message;
        RawUpgrade.Result result = RawUpgrade.upgrade(port, socket, message, headers.toArray(String[]::new));
        RawUpgrade.assertUpgrade(kind + " Origin " + sent, result, accepted, "echo:" + message);
        assertThat("a socket opened exactly when the upgrade was accepted", WebSocketEndpoints.opened(socket), is(accepted ? 1 : 0));
        assertThat("the endpoint saw the message exactly when the upgrade was accepted",
                WebSocketEndpoints.received(socket), is(accepted ? List.of(message) : List.of()));
    }

    static Stream<Arguments> configuratorAnnotations() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "/admin", "https://admin.example.com", true));
            cases.add(Arguments.of(kind, "/admin", "https://app.example.com", false));
            cases.add(Arguments.of(kind, "/admin", null, true));
            cases.add(Arguments.of(kind, "/partner", "https://eu.partner.example.org", true));
            cases.add(Arguments.of(kind, "/partner", "https://partner.example.org.evil.example", false));
            cases.add(Arguments.of(kind, "/partner", "https://app.example.com", false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} from Origin {2}: accepted {3}")
    @MethodSource("configuratorAnnotations")
    void crossOriginOnTheConfiguratorReplacesTheApplicationsOrigins(Kind kind, String path, String origin, boolean accepted)
            throws Exception {
        String message = "a-" + kind.ordinal() + "-" + System.nanoTime();
        String socket = path + "?run=" + message;
        RawUpgrade.Result result = origin == null ? RawUpgrade.upgrade(PORTS.get(kind), socket, message)
                : RawUpgrade.upgrade(PORTS.get(kind), socket, message, "Origin: " + origin);
        RawUpgrade.assertUpgrade(kind + " " + path + " Origin " + origin, result, accepted, "echo:" + message);
        assertThat("the endpoint saw the message exactly when the upgrade was accepted",
                WebSocketEndpoints.received(socket), is(accepted ? List.of(message) : List.of()));
    }

    static Stream<Arguments> endpointAnnotation() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "https://annotated.example.com", true));
            cases.add(Arguments.of(kind, "https://app.example.com", false));
            cases.add(Arguments.of(kind, "https://evil.example", false));
            cases.add(Arguments.of(kind, OWN, true));
            cases.add(Arguments.of(kind, null, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: /annotated from Origin {1}: accepted {2}")
    @MethodSource("endpointAnnotation")
    void crossOriginOnTheEndpointClassDecidesItsUpgradesOverTheApplicationsOrigins(Kind kind, String origin, boolean accepted)
            throws Exception {
        RawUpgrade.assertPath(kind, PORTS.get(kind), "/annotated", origin, accepted);
    }

    static Stream<Arguments> pathRules() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "/team-a", "https://a.example.com", true));
            cases.add(Arguments.of(kind, "/team-a", "https://b.example.com", false));
            cases.add(Arguments.of(kind, "/team-a", "https://app.example.com", false));
            cases.add(Arguments.of(kind, "/team-b", "https://b.example.com", true));
            cases.add(Arguments.of(kind, "/team-b", "https://a.example.com", false));
            cases.add(Arguments.of(kind, "/team-b", "https://app.example.com", false));
            cases.add(Arguments.of(kind, "/team-b", OWN, true));
            cases.add(Arguments.of(kind, "/chat", "https://a.example.com", false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} from Origin {2}: accepted {3}")
    @MethodSource("pathRules")
    void theFirstPathRuleMatchingTheEndpointsPathLendsItsOrigins(Kind kind, String path, String origin, boolean accepted)
            throws Exception {
        RawUpgrade.assertPath(kind, PORTS.get(kind), path, origin, accepted);
    }

    static Stream<Arguments> forwarded() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (boolean trusted : new boolean[] {true, false}) {
                cases.add(Arguments.of(kind, trusted, "https://public.example.com",
                        List.of("X-Forwarded-Proto: https", "X-Forwarded-Host: public.example.com"), trusted));
                cases.add(Arguments.of(kind, trusted, "https://public.example.com",
                        List.of("Forwarded: proto=https;host=public.example.com"), trusted));
                cases.add(Arguments.of(kind, trusted, "https://public.example.com:8443",
                        List.of("Forwarded: proto=https;host=\"public.example.com:8443\""), trusted));
                cases.add(Arguments.of(kind, trusted, "https://evil.example",
                        List.of("X-Forwarded-Proto: https", "X-Forwarded-Host: public.example.com"), false));
                // Behind a trusted proxy the server's own origin is the forwarded one, not the address the proxy used.
                cases.add(Arguments.of(kind, trusted, OWN, List.of("X-Forwarded-Proto: https", "X-Forwarded-Host: public.example.com"),
                        !trusted));
                cases.add(Arguments.of(kind, trusted, "https://app.example.com", List.of("X-Forwarded-Host: public.example.com"), true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: trustForwardedHeaders {1}, Origin {2}, {3}: accepted {4}")
    @MethodSource("forwarded")
    void aSameOriginPageBehindAProxyIsRecognizedByItsForwardedHeadersOnlyWhenTheyAreTrusted(Kind kind, boolean trusted, String origin,
            List<String> forwarded, boolean accepted) throws Exception {
        int port = trusted ? TRUSTING_PORTS.get(kind) : PORTS.get(kind);
        List<String> headers = new ArrayList<>(forwarded);
        headers.add("Origin: " + (OWN.equals(origin) ? "http://localhost:" + port : origin));
        String message = "f-" + kind.ordinal() + "-" + System.nanoTime();
        String socket = "/chat?run=" + message;
        RawUpgrade.Result result = RawUpgrade.upgrade(port, socket, message, headers.toArray(String[]::new));
        RawUpgrade.assertUpgrade(kind + " " + headers, result, accepted, "echo:" + message);
        assertThat("the endpoint saw the message exactly when the upgrade was accepted",
                WebSocketEndpoints.received(socket), is(accepted ? List.of(message) : List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void eachUpgradeIsReportedToTheApplicationsDecisionListenersOnce(Kind kind) throws Exception {
        int port = PORTS.get(kind);
        EVENTS.clear();
        RawUpgrade.upgrade(port, "/team-a", "x", "Origin: https://evil.example");
        RawUpgrade.upgrade(port, "/team-a", "x", "Origin: https://a.example.com");
        RawUpgrade.upgrade(port, "/team-a", "x");
        List<String> events = EVENTS.stream().map(e -> e.outcome() + " " + e.reason() + " " + e.method() + " " + e.pathTemplate() + " "
                + e.origin() + " " + e.policy()).toList();
        assertThat(kind + ": " + events, events, contains(
                "REFUSED_DISALLOWED_ORIGIN ORIGIN_REFUSED GET /team-a https://evil.example resource(\"/team-a\")",
                "ACTUAL_ALLOWED ORIGIN_ALLOWED GET /team-a https://a.example.com resource(\"/team-a\")",
                "ACTUAL_WITHOUT_HEADERS NO_ORIGIN GET /team-a null resource(\"/team-a\")"));
    }
}
