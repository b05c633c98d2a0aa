package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasMaxAge;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.RawHttp;
import io.github.jaxrscors.support.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts the demo with the README's command and checks what a newcomer would see. */
@Tag("demo")
class DemoTest {

    /** The README's demo command, with ports of this test's choosing. */
    private static Process startDemo(int api, int page, int other) throws IOException {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "test-compile", "exec:java",
                "-Ddemo.apiPort=" + api, "-Ddemo.pagePort=" + page, "-Ddemo.otherPort=" + other));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Reads the process output into {@code lines} until it prints {@code marker} or ends. */
    private static CompletableFuture<Boolean> awaitLine(Process p, String marker, List<String> lines) {
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                boolean seen = false;
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                    seen |= line.contains(marker);
                    if (seen && !marker.isEmpty()) {
                        return true;
                    }
                }
                return seen;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void demoServesTheApiAndBothPageOriginsAndAllowsThePagesPreflight() throws Exception {
        int api = freePort();
        int page = freePort();
        int other = freePort();
        Process demo = startDemo(api, page, other);
        List<String> output = new CopyOnWriteArrayList<>();
        try {
            boolean started = awaitLine(demo, "Press Ctrl-C to stop.", output).get(180, TimeUnit.SECONDS);
            assertThat("the demo started; output: " + output, started, is(true));
            assertThat("prints the URLs to open", String.join("\n", output), containsString("http://localhost:" + page + "/"));

            Reply pageReply = RawHttp.send(page, "GET", "/");
            assertThat(pageReply, hasStatus(200));
            assertThat("the page calls the API", pageReply.body(), containsString("http://localhost:" + api));
            assertThat("the other origin answers too", RawHttp.send(other, "GET", "/").body(), containsString("not allowed"));
            assertThat("the page has the report-only scenario beside the enforcing one", pageReply.body(),
                    allOf(containsString("{ id: \"report-only\""), containsString("paths: [\"/api/transfers/reported\"]"),
                            containsString("the server would refuse it")));

            String pageOrigin = "http://localhost:" + page;
            Reply preflight = RawHttp.send(api, "OPTIONS", "/api/items/1", "Origin: " + pageOrigin,
                    "Access-Control-Request-Method: PUT", "Access-Control-Request-Headers: content-type");
            assertThat(preflight, allOf(hasStatus(200), allowsOrigin(pageOrigin),
                    hasHeader("Access-Control-Allow-Methods", "GET, PUT"), hasMaxAge(600), varyIs(PREFLIGHT_VARY)));
            Reply refused = RawHttp.send(api, "OPTIONS", "/api/items/1?demo=t-1", "Origin: http://localhost:" + other,
                    "Access-Control-Request-Method: PUT");
            assertThat(refused, allOf(hasStatus(403), hasNoCorsHeaders()));
            assertThat("the page can read why the preflight was refused", RawHttp.send(api, "GET", "/demo/why?run=t-1").body(),
                    allOf(containsString("OPTIONS (preflight for PUT) api/items/1 -> 403"), containsString("not allowed by")));

            String[] form = {"Origin: http://localhost:" + other, "Sec-Fetch-Site: same-site",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: 0"};
            assertThat("CORS alone lets a form POST from another origin run", RawHttp.send(api, "POST",
                    "/api/transfers/unprotected?demo=t-2", form), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
            assertThat("crossSiteProtection refuses it", RawHttp.send(api, "POST", "/api/transfers/protected?demo=t-3", form),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            assertThat("and the page can read why", RawHttp.send(api, "GET", "/demo/why?run=t-3").body(),
                    allOf(containsString("POST api/transfers/protected -> 403"), containsString("crossSiteProtection answers 403"),
                            containsString("event REFUSED_CROSS_SITE CROSS_SITE_FETCH_REFUSED (POST /api/transfers/protected")));
            assertThat("report-only lets it run", RawHttp.send(api, "POST", "/api/transfers/reported?demo=t-4", form),
                    allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
            assertThat("and the event says it would have refused it", RawHttp.send(api, "GET", "/demo/why?run=t-4").body(),
                    allOf(containsString("POST api/transfers/reported -> 200"),
                            containsString("event WOULD_REFUSE CROSS_SITE_FETCH_REFUSED (POST /api/transfers/reported")));
        } finally {
            stop(demo);
        }
        assertThat("no process left behind", demo.descendants().count(), is(0L));
    }

    @Test
    void demoFailsWithAClearMessageWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            Process demo = startDemo(port, freePort(), freePort());
            List<String> output = new CopyOnWriteArrayList<>();
            try {
                awaitLine(demo, "", output).get(180, TimeUnit.SECONDS);
                assertThat(demo.waitFor(30, TimeUnit.SECONDS), is(true));
                assertThat("exit code", demo.exitValue(), is(2));
                assertThat(String.join("\n", output), containsString("port " + port + " is already in use"));
            } finally {
                stop(demo);
            }
        }
    }
}
