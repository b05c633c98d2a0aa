package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.HeadlessChromium;
import io.github.jaxrscors.support.WebSocketEndpoints;
import io.github.jaxrscors.support.WebSocketRuntime;
import io.github.jaxrscors.support.WebSocketRuntime.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Headless Chromium opens {@code new WebSocket(...)} to an endpoint guarded by
 * {@link CorsWebSocketConfigurator}, from a page on an origin the application lists, from a page
 * on another origin, and from a page the WebSocket server serves itself (same origin, known by the
 * upgrade's {@code Host}: no publicOrigins), on each implementation (the same-origin page where the
 * implementation serves pages: Jetty and Tomcat; Tyrus's standalone server serves none); and an
 * endpoint under a path rule, from a page on the rule's origin and from one on the application's. The page writes what its socket saw; the endpoint records what it received.
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
@Isolated
class WebSocketBrowserTest {

    static String page(String socketUrl, String tag) {
        return """
            <!doctype html><html><head><title>running</title></head><body><pre id="results"></pre><script>
            const out = s => document.getElementById('results').textContent += s + '\\n';
            const url = %s;
            const ws = new WebSocket(url);
            ws.onopen = () => { out('open'); ws.send('hello from %s'); };
            ws.onmessage = e => { out('message ' + e.data); ws.close(1000); };
            ws.onerror = () => out('error');
            ws.onclose = e => { out('close ' + e.code); document.title = 'done'; };
            </script></body></html>
            """.formatted(socketUrl, tag);
    }

    static Stream<Arguments> pages() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "listed"));
            cases.add(Arguments.of(kind, "other"));
            if (kind != Kind.TYRUS_ON_GRIZZLY) {
                cases.add(Arguments.of(kind, "same"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: page on the {1} origin")
    @MethodSource("pages")
    void onlyListedAndSameOriginPagesOpenTheSocket(Kind kind, String which) throws Exception {
        int listedPort = BrowserPages.freePort();
        int otherPort = BrowserPages.freePort();
        String tag = kind.name() + "-" + which + "-" + System.nanoTime();
        String socket = "/chat?run=" + tag;
        HttpServer pageServer = null;
        try (WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                .origins("http://localhost:" + listedPort)
                .build(), Map.of("/page", page("'ws://' + location.host + '" + socket + "'", tag)))) {
            int socketPort = runtime.port();
            String socketUrl = "'ws://localhost:" + socketPort + socket + "'";
            String url;
            if (which.equals("same")) {
                url = "http://localhost:" + socketPort + "/page";
            } else {
                int port = which.equals("listed") ? listedPort : otherPort;
                pageServer = BrowserPages.pageServer(port, page(socketUrl, tag));
                url = "http://localhost:" + port + "/";
            }
            List<String> seen = results(HeadlessChromium.dumpDom(url, 60_000));
            if (which.equals("other")) {
                assertThat(kind + ": the socket failed: " + seen, seen, is(List.of("error", "close 1006")));
                assertThat("the endpoint opened no socket", WebSocketEndpoints.opened(socket), is(0));
                assertThat("the endpoint saw no message", WebSocketEndpoints.received(socket), is(empty()));
            } else {
                assertThat(kind + ": the socket opened and carried a message each way: " + seen, seen,
                        is(List.of("open", "message echo:hello from " + tag, "close 1000")));
                assertThat("the endpoint opened one socket", WebSocketEndpoints.opened(socket), is(1));
                assertThat("the endpoint saw the message", WebSocketEndpoints.received(socket), is(List.of("hello from " + tag)));
            }
        } finally {
            if (pageServer != null) {
                pageServer.shutdownNow();
            }
        }
    }

    static Stream<Arguments> ruledPages() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            cases.add(Arguments.of(kind, "rule's"));
            cases.add(Arguments.of(kind, "application's"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: page on the {1} origin opens /team-a")
    @MethodSource("ruledPages")
    void theEndpointsPathRuleDecidesWhichPagesOpenItsSocket(Kind kind, String which) throws Exception {
        int applicationPort = BrowserPages.freePort();
        int rulePort = BrowserPages.freePort();
        String tag = kind.name() + "-rule-" + System.nanoTime();
        String socket = "/team-a?run=" + tag;
        HttpServer pageServer = null;
        try (WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> CorsFeature.builder()
                .origins("http://localhost:" + applicationPort)
                .resource("/team-a", CorsOptions.builder().origins("http://localhost:" + rulePort).build())
                .resource("/.*")
                .build(), Map.of())) {
            int port = which.equals("rule's") ? rulePort : applicationPort;
            pageServer = BrowserPages.pageServer(port, page("'ws://localhost:" + runtime.port() + socket + "'", tag));
            List<String> seen = results(HeadlessChromium.dumpDom("http://localhost:" + port + "/", 60_000));
            if (which.equals("rule's")) {
                assertThat(kind + ": the socket opened and carried a message each way: " + seen, seen,
                        is(List.of("open", "message echo:hello from " + tag, "close 1000")));
                assertThat("the endpoint saw the message", WebSocketEndpoints.received(socket), is(List.of("hello from " + tag)));
            } else {
                assertThat(kind + ": the application's origin is not the rule's: the socket failed: " + seen, seen,
                        is(List.of("error", "close 1006")));
                assertThat("the endpoint opened no socket", WebSocketEndpoints.opened(socket), is(0));
                assertThat("the endpoint saw no message", WebSocketEndpoints.received(socket), is(empty()));
            }
        } finally {
            if (pageServer != null) {
                pageServer.shutdownNow();
            }
        }
    }

    static List<String> results(String dom) {
        Matcher m = Pattern.compile("<pre id=\"results\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat("the page finished; DOM: " + dom, m.find() && !m.group(1).isEmpty(), is(true));
        return List.of(m.group(1).strip().split("\n"));
    }
}
