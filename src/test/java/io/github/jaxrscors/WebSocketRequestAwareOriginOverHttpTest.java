package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.RawUpgrade;
import io.github.jaxrscors.support.WebSocketEndpoints;
import io.github.jaxrscors.support.WebSocketRuntime;
import io.github.jaxrscors.support.WebSocketRuntime.Kind;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request-aware origin predicate decides WebSocket upgrades from the upgrade request on Tyrus,
 * Jetty 12 and Tomcat: it reads the path and a declared header. On Jetty and Tomcat the servlet
 * hook shows the request to {@code checkOrigin}; on Tyrus {@code modifyHandshake} decides. Each
 * refusal is 403 without a socket; a same-origin page passes by its {@code Host}.
 */
@Tag("http")
@Isolated
class WebSocketRequestAwareOriginOverHttpTest {

    private static final Map<Kind, WebSocketRuntime> RUNTIMES = new EnumMap<>(Kind.class);
    private static final Map<Kind, Integer> PORTS = new EnumMap<>(Kind.class);

    @BeforeAll
    static void start() throws Exception {
        for (Kind kind : Kind.values()) {
            WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                    .originPredicate((origin, request) -> origin.equals("https://tenant.example.com")
                            && "acme".equals(request.header("X-Tenant")) && request.path().equals("/chat")
                            && request.method().equals("GET"), "X-Tenant")
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

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "https://tenant.example.com", "acme", 101));
            cases.add(Arguments.of(kind, "https://tenant.example.com", "other", 403));
            cases.add(Arguments.of(kind, "https://tenant.example.com", null, 403));
            cases.add(Arguments.of(kind, "https://evil.example", "acme", 403));
            cases.add(Arguments.of(kind, "https://tenant.example.com/", "acme", 403));
            cases.add(Arguments.of(kind, null, null, 101));
            cases.add(Arguments.of(kind, "own", null, 101));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: Origin {1}, X-Tenant {2}: {3}")
    @MethodSource("cases")
    void predicateSeesTheHandshakesPathAndDeclaredHeader(Kind kind, String origin, String tenant, int status) throws Exception {
        int port = PORTS.get(kind);
        List<String> headers = new ArrayList<>();
        if (origin != null) {
            headers.add("Origin: " + ("own".equals(origin) ? "http://localhost:" + port : origin));
        }
        if (tenant != null) {
            headers.add("X-Tenant: " + tenant);
        }
        String message = "t-" + System.nanoTime();
        String socket = "/chat?run=" + message;
        RawUpgrade.Result result = RawUpgrade.upgrade(port, socket, message, headers.toArray(String[]::new));
        RawUpgrade.assertUpgrade(kind + " " + headers, result, status == 101, "echo:" + message);
        assertThat("the endpoint saw the message exactly when the upgrade was accepted",
                WebSocketEndpoints.received(socket), is(status == 101 ? List.of(message) : List.of()));
    }
}
