package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.WebSocketRuntime.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * {@link CorsWebSocketConfigurator} with the Jersey application's origins: every origin form
 * against {@code Sec-Fetch-Site} and cookies, the status and the headers of each answer, and
 * whether the endpoint opened a socket and saw the message.
 */
@Tag("http")
@Isolated
class WebSocketOriginOverHttpTest {

    private static final Map<Kind, WebSocketRuntime> RUNTIMES = new EnumMap<>(Kind.class);
    private static final Map<Kind, Integer> PORTS = new EnumMap<>(Kind.class);

    @BeforeAll
    static void start() throws Exception {
        for (Kind kind : Kind.values()) {
            WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                    .origins("https://app.example.com", "https://*.apps.example.com", "http://dev.example.test:*")
                    .originPatterns("https://pr-\\d+\\.preview\\.example\\.net")
                    .originPredicate(origin -> origin.equals("https://partner.example.org"))
                    .publicOrigins("http://localhost:" + port)
                    .build(), Map.of());
            RUNTIMES.put(kind, runtime);
            PORTS.put(kind, runtime.port());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebSocketRuntime runtime : RUNTIMES.values()) {
            runtime.close();
        }
    }

    /** Origin values and whether {@code /chat} accepts them; {@code OWN} stands for the server's own origin. */
    static final String OWN = "own";

    static List<Object[]> origins() {
        return List.of(
                new Object[] {null, true, "no Origin: not a browser"},
                new Object[] {"https://app.example.com", true, "listed exactly"},
                new Object[] {"https://eu.apps.example.com", true, "subdomain wildcard"},
                new Object[] {"https://apps.example.com", false, "the wildcard's bare domain"},
                new Object[] {"http://dev.example.test:5173", true, "port wildcard"},
                new Object[] {"https://pr-42.preview.example.net", true, "origin pattern"},
                new Object[] {"https://partner.example.org", true, "origin predicate"},
                new Object[] {OWN, true, "the server's own origin (publicOrigins)"},
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void anEndpointCarryingCrossOriginItselfOpensNoSocketForAnyUpgrade(Kind kind) throws Exception {
        int port = PORTS.get(kind);
        List<Integer> statuses = new ArrayList<>();
        String socket = "/misplaced?run=" + kind.ordinal() + "-" + System.nanoTime();
        for (String[] headers : new String[][] {{}, {"Origin: https://app.example.com"}, {"Origin: https://misplaced.example.com"}}) {
            RawUpgrade.Result result = RawUpgrade.upgrade(port, socket, "hello", headers);
            statuses.add(result.reply().status());
            // Tomcat's 500 keeps the Sec-WebSocket-Accept it set before modifyHandshake; no client takes a 500 for a socket.
            assertThat("no socket: " + result.reply(), result.echo(), is(nullValue()));
        }
        assertThat(kind + " refused each upgrade: " + statuses, statuses, everyItem(not(is(101))));
        // An unlisted origin is refused by checkOrigin (403 everywhere); the others reach modifyHandshake, which
        // sets 403 on Tyrus and throws elsewhere (Jetty and Tomcat answer 500).
        int late = kind == Kind.TYRUS_ON_GRIZZLY ? 403 : 500;
        assertThat(kind + " statuses without Origin, from a listed origin, from an unlisted one", statuses, contains(late, late, 403));
        assertThat("the endpoint never opened", WebSocketEndpoints.opened(socket), is(0));
        assertThat(WebSocketEndpoints.received(socket), is(empty()));
    }
}
