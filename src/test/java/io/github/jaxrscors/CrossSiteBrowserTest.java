package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.HeadlessChromium;
import io.github.jaxrscors.support.Invocations;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A real browser against crossSiteProtection: headless Chromium submits a form {@code POST}, a
 * no-cors {@code fetch} {@code POST} and a simple CORS {@code fetch} {@code POST} to
 * {@code /csrf/on} (crossSiteProtection) and {@code /csrf/off} (without it), from four pages: the
 * API's own origin, a listed origin on another port, an unlisted origin on another port (same
 * site: {@code Sec-Fetch-Site: same-site}) and an unlisted origin on another site
 * ({@code 127.0.0.1}: {@code cross-site}). The server records what the browser sent, the status
 * it answered and whether the resource ran; the results are written to
 * {@code target/cross-site-browser-results.md}.
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
@ResourceLock(Invocations.LOCK)
class CrossSiteBrowserTest {

    /** What the server saw of one request, keyed {@code mode:from:via}. */
    record Seen(String origin, String fetchSite, int status) {
    }

    /** Runs last among response filters (lowest priority first for responses): sees the final status. */
    @Priority(1)
    static final class Recorder implements ContainerResponseFilter {
        static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            String via = request.getUriInfo().getQueryParameters().getFirst("via");
            if (via != null && "POST".equals(request.getMethod())) {
                String mode = request.getUriInfo().getPathSegments().get(1).getPath();
                String from = request.getUriInfo().getQueryParameters().getFirst("from");
                SEEN.put(mode + ":" + from + ":" + via, new Seen(request.getHeaderString("Origin"),
                        request.getHeaderString("Sec-Fetch-Site"), response.getStatus()));
            }
        }
    }

    @Path("csrf")
    public static class Api {
        @POST
        @Path("{mode}")
        @Consumes(MediaType.WILDCARD)
        public String post(@PathParam("mode") String mode, @QueryParam("from") String from, @QueryParam("via") String via,
                String body) {
            Invocations.record(mode + ":" + from + ":" + via);
            return "posted";
        }

        /** The same-origin page, served by the API itself. */
        @GET
        @Path("page")
        @Produces(MediaType.TEXT_HTML)
        public String page() {
            return CrossSiteBrowserTest.page(apiBase, "same");
        }
    }

    private static String apiBase;
    private static HttpServer api;
    private static HttpServer listedPage;
    private static HttpServer siblingPage;
    private static HttpServer crossPage;
    private static final Map<String, Map<String, String>> SCRIPT = new TreeMap<>();

    /** Runs the three POSTs against both modes, then writes {@code id=outcome} lines into #results. */
    static String page(String apiBase, String tag) {
        return """
            <!DOCTYPE html><html><body><pre id="results"></pre><script>
            const API = "%s", FROM = "%s";
            const url = (mode, via) => `${API}/csrf/${mode}?from=${FROM}&via=${via}`;
            function submitForm(mode) {
              return new Promise(resolve => {
                const frame = document.createElement("iframe");
                frame.name = "sink-" + mode;
                document.body.appendChild(frame);
                const form = document.createElement("form");
                form.method = "POST";
                form.action = url(mode, "form");
                form.target = frame.name;
                const field = document.createElement("input");
                field.name = "amount";
                field.value = "100";
                form.appendChild(field);
                document.body.appendChild(form);
                const timer = setTimeout(() => resolve("timeout"), 5000);
                frame.onload = () => { clearTimeout(timer); resolve("submitted"); };
                form.submit();
              });
            }
            (async () => {
              const lines = [];
              for (const mode of ["on", "off"]) {
                lines.push(`form-${mode}=${await submitForm(mode)}`);
                try {
                  const r = await fetch(url(mode, "nocors"), { method: "POST", mode: "no-cors", body: "amount=100" });
                  lines.push(`nocors-${mode}=sent ${r.type}`);
                } catch (e) {
                  lines.push(`nocors-${mode}=failed`);
                }
                try {
                  const r = await fetch(url(mode, "cors"), { method: "POST", body: "amount=100" });
                  lines.push(`cors-${mode}=read ${r.status}`);
                } catch (e) {
                  lines.push(`cors-${mode}=blocked`);
                }
              }
              document.getElementById("results").textContent = lines.join("\\n");
              document.title = "done";
            })();
            </script></body></html>
            """.formatted(apiBase, tag);
    }

    @BeforeAll
    static void startServersAndBrowse() throws Exception {
        Invocations.reset();
        Recorder.SEEN.clear();
        int apiPort = BrowserPages.freePort();
        int listedPort = BrowserPages.freePort();
        int siblingPort = BrowserPages.freePort();
        int crossPort = BrowserPages.freePort();
        apiBase = "http://localhost:" + apiPort;
        api = GrizzlyHttpServerFactory.createHttpServer(URI.create(apiBase + "/"),
                new ResourceConfig(Api.class).register(Recorder.class).register(CorsFeature.builder()
                        .origins("http://localhost:" + listedPort)
                        .resource("/csrf/on", CorsOptions.builder().crossSiteProtection(true).build())
                        .resource("/csrf/.*")
                        .build()));
        listedPage = BrowserPages.pageServer("localhost", listedPort, page(apiBase, "listed"));
        siblingPage = BrowserPages.pageServer("localhost", siblingPort, page(apiBase, "sibling"));
        crossPage = BrowserPages.pageServer("127.0.0.1", crossPort, page(apiBase, "cross"));
        SCRIPT.put("same", BrowserPages.results(HeadlessChromium.dumpDom(apiBase + "/csrf/page", 60_000)));
        SCRIPT.put("listed", BrowserPages.results(HeadlessChromium.dumpDom("http://localhost:" + listedPort + "/", 60_000)));
        SCRIPT.put("sibling", BrowserPages.results(HeadlessChromium.dumpDom("http://localhost:" + siblingPort + "/", 60_000)));
        SCRIPT.put("cross", BrowserPages.results(HeadlessChromium.dumpDom("http://127.0.0.1:" + crossPort + "/", 60_000)));
        writeResults();
    }

    @AfterAll
    static void stopServers() {
        for (HttpServer s : new HttpServer[] {api, listedPage, siblingPage, crossPage}) {
            if (s != null) {
                s.shutdownNow();
            }
        }
    }

    private static void writeResults() throws IOException {
        StringBuilder md = new StringBuilder("| page | request | crossSiteProtection | Origin sent | Sec-Fetch-Site sent | status | "
                + "resource ran | the script saw |\n|---|---|---|---|---|---|---|---|\n");
        for (String from : SCRIPT.keySet()) {
            for (String via : new String[] {"form", "nocors", "cors"}) {
                for (String mode : new String[] {"on", "off"}) {
                    Seen s = Recorder.SEEN.get(mode + ":" + from + ":" + via);
                    md.append("| ").append(from).append(" | ").append(via).append(" | ").append(mode).append(" | ")
                            .append(s == null ? "—" : s.origin()).append(" | ").append(s == null ? "—" : s.fetchSite()).append(" | ")
                            .append(s == null ? "not received" : String.valueOf(s.status())).append(" | ")
                            .append(Invocations.count(mode + ":" + from + ":" + via)).append(" | ")
                            .append(SCRIPT.get(from).get(via + "-" + mode)).append(" |\n");
                }
            }
        }
        Files.writeString(java.nio.file.Path.of("target", "cross-site-browser-results.md"), md, StandardCharsets.UTF_8);
    }

    private static void assertRefused(String from, String via, String fetchSite) {
        Seen on = Recorder.SEEN.get("on:" + from + ":" + via);
        assertThat(from + " " + via + ": the browser sent it", on == null, is(false));
        assertThat(from + " " + via + ": Sec-Fetch-Site as sent", on.fetchSite(), is(fetchSite));
        assertThat(from + " " + via + ": refused with 403 under crossSiteProtection", on.status(), is(403));
        assertThat(from + " " + via + ": the protected resource never ran", Invocations.count("on:" + from + ":" + via), is(0));
        Seen off = Recorder.SEEN.get("off:" + from + ":" + via);
        assertThat(from + " " + via + ": without the option it is answered 200", off.status(), is(200));
        assertThat(from + " " + via + ": without the option it reaches the resource (CORS does not stop it)",
                Invocations.count("off:" + from + ":" + via), is(1));
    }

    private static void assertPassed(String from, String via, String fetchSite) {
        for (String mode : new String[] {"on", "off"}) {
            Seen s = Recorder.SEEN.get(mode + ":" + from + ":" + via);
            assertThat(from + " " + via + " (" + mode + "): the browser sent it", s == null, is(false));
            assertThat(from + " " + via + " (" + mode + "): Sec-Fetch-Site as sent", s.fetchSite(), is(fetchSite));
            assertThat(from + " " + via + " (" + mode + "): answered 200", s.status(), is(200));
            assertThat(from + " " + via + " (" + mode + "): the resource ran", Invocations.count(mode + ":" + from + ":" + via), is(1));
        }
    }

    @Test
    void crossSiteFormPostIsRefusedWithTheOptionAndReachesTheResourceWithout() {
        assertRefused("cross", "form", "cross-site");
        assertThat(Recorder.SEEN.get("on:cross:form").origin().startsWith("http://127.0.0.1:"), is(true));
    }

    @Test
    void crossSiteNoCorsFetchPostIsRefusedWithTheOptionAndReachesTheResourceWithout() {
        assertRefused("cross", "nocors", "cross-site");
        assertThat("a no-cors fetch resolves to an opaque response either way", SCRIPT.get("cross").get("nocors-on"), is("sent opaque"));
    }

    @Test
    void crossSiteCorsFetchFromAnUnlistedOriginIsRefusedAndBlocked() {
        assertRefused("cross", "cors", "cross-site");
        assertThat(SCRIPT.get("cross").get("cors-on"), is("blocked"));
        assertThat("without the option the POST ran, only its answer was hidden", SCRIPT.get("cross").get("cors-off"), is("blocked"));
    }

    @Test
    void sameSiteUnlistedOriginOnAnotherPortIsRefusedToo() {
        assertRefused("sibling", "form", "same-site");
        assertRefused("sibling", "nocors", "same-site");
    }

    @Test
    void sameOriginPostsPass() {
        assertPassed("same", "form", "same-origin");
        assertPassed("same", "nocors", "same-origin");
        assertPassed("same", "cors", "same-origin");
        assertThat("the same-origin script reads the answer", SCRIPT.get("same").get("cors-on"), is("read 200"));
    }

    @Test
    void listedOriginIsTrustedAndReadsTheAnswer() {
        assertPassed("listed", "form", "same-site");
        assertPassed("listed", "cors", "same-site");
        assertThat(SCRIPT.get("listed").get("cors-on"), is("read 200"));
    }
}
