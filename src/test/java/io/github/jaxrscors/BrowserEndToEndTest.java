package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.HeadlessChromium;
import io.github.jaxrscors.support.Invocations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A real browser enforces what the library sends: headless Chromium loads a page from one origin
 * and calls the API on another with {@code fetch()}. Each scenario asserts what the page's script
 * could read and what the server saw (preflights received, resource methods run).
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
@ResourceLock(Invocations.LOCK)
class BrowserEndToEndTest {

    /**
     * Counts preflights as they are answered, keyed {@code path?query}: a global response filter
     * sees every answer, the library's own before matching included (no request filter runs ahead
     * of the library's).
     */
    static final class PreflightCounter implements ContainerResponseFilter {
        static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (JerseyTranslator.isPreflight(request)) {
                URI uri = request.getUriInfo().getRequestUri();
                SEEN.computeIfAbsent(uri.getPath() + "?" + uri.getQuery(), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        static int count(String pathAndQuery) {
            AtomicInteger c = SEEN.get(pathAndQuery);
            return c == null ? 0 : c.get();
        }
    }

    @Path("e2e")
    public static class Api {
        @GET
        @Path("simple")
        public String simple(@QueryParam("from") String from) {
            Invocations.record("simple:" + from);
            return "simple";
        }

        @PUT
        @Path("put")
        @Consumes("application/json")
        public String put(@QueryParam("from") String from, String body) {
            Invocations.record("put:" + from);
            return body;
        }

        @GET
        @Path("custom")
        @CrossOrigin(allowHeaders = "X-Custom")
        public String custom(@QueryParam("from") String from) {
            Invocations.record("custom:" + from);
            return "custom";
        }

        @DELETE
        @Path("delete")
        @CrossOrigin(methods = {"GET", "PUT"})
        public void delete(@QueryParam("from") String from) {
            Invocations.record("delete:" + from);
        }

        @GET
        @Path("exposed")
        @CrossOrigin(exposeHeaders = "X-Total")
        public Response exposed() {
            return Response.ok("exposed").header("X-Total", "5").header("X-Hidden", "secret").build();
        }

        @GET
        @Path("credentialed")
        @CrossOrigin(supportsCredentials = OptBoolean.TRUE)
        public String credentialed() {
            return "credentialed";
        }

        @GET
        @Path("public")
        @CrossOrigin(origins = "*", sendWildcard = OptBoolean.TRUE)
        public String open() {
            return "public";
        }

        @PUT
        @Path("cached")
        @Consumes("application/json")
        @CrossOrigin(maxAge = 600)
        public String cached(String body) {
            return body;
        }

        @PUT
        @Path("uncached")
        @Consumes("application/json")
        @CrossOrigin(maxAge = 0)
        public String uncached(String body) {
            return body;
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }

        @GET
        @Path("auth")
        public String auth(@jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
            return "auth:" + authorization;
        }

        @POST
        @Path("reject")
        public String reject(@QueryParam("from") String from, String body) {
            Invocations.record("reject:" + from);
            return "posted";
        }
    }

    private static HttpServer api;
    private static HttpServer allowedPage;
    private static HttpServer otherPage;
    private static Map<String, String> fromAllowed;
    private static Map<String, String> fromOther;

    /** The page: runs every scenario in order, then writes {@code id=outcome} lines into #results. */
    static String page(String apiBase, String tag) {
        return """
            <!DOCTYPE html><html><body><pre id="results"></pre><script>
            const API = "%s", FROM = "%s";
            const json = { "Content-Type": "application/json" };
            const scenarios = [
              ["simple", () => fetch(`${API}/e2e/simple?from=${FROM}`)],
              ["put", () => fetch(`${API}/e2e/put?from=${FROM}`, { method: "PUT", headers: json, body: "{}" })],
              ["custom-allowed", () => fetch(`${API}/e2e/custom?from=${FROM}`, { headers: { "X-Custom": "1" } })],
              ["custom-refused", () => fetch(`${API}/e2e/custom?from=${FROM}&h=other`, { headers: { "X-Other": "1" } })],
              ["delete", () => fetch(`${API}/e2e/delete?from=${FROM}`, { method: "DELETE" })],
              ["exposed", () => fetch(`${API}/e2e/exposed?from=${FROM}`)],
              ["credentialed", () => fetch(`${API}/e2e/credentialed?from=${FROM}`, { credentials: "include" })],
              ["public", () => fetch(`${API}/e2e/public?from=${FROM}`)],
              ["public-credentialed", () => fetch(`${API}/e2e/public?from=${FROM}&c=1`, { credentials: "include" })],
              ["cached-1", () => fetch(`${API}/e2e/cached?from=${FROM}`, { method: "PUT", headers: json, body: "{}" })],
              ["cached-2", () => fetch(`${API}/e2e/cached?from=${FROM}`, { method: "PUT", headers: json, body: "{}" })],
              ["uncached-1", () => fetch(`${API}/e2e/uncached?from=${FROM}`, { method: "PUT", headers: json, body: "{}" })],
              ["uncached-2", () => fetch(`${API}/e2e/uncached?from=${FROM}`, { method: "PUT", headers: json, body: "{}" })],
              ["missing", () => fetch(`${API}/e2e/no/such/thing?from=${FROM}`)],
              ["boom", () => fetch(`${API}/e2e/boom?from=${FROM}`)],
              ["authorization", () => fetch(`${API}/e2e/auth?from=${FROM}`, { headers: { "Authorization": "Bearer t0k3n" } })],
              ["reject", () => fetch(`${API}/e2e/reject?from=${FROM}`, { method: "POST", body: "x" })],
            ];
            (async () => {
              const lines = [];
              for (const [id, run] of scenarios) {
                try {
                  const r = await run();
                  const body = await r.text();
                  lines.push(`${id}=read ${r.status} body=${body} x-total=${r.headers.get("X-Total")} x-hidden=${r.headers.get("X-Hidden")}`);
                } catch (e) {
                  lines.push(`${id}=blocked`);
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
        int apiPort = BrowserPages.freePort();
        int allowedPort = BrowserPages.freePort();
        int otherPort = BrowserPages.freePort();
        String allowedOrigin = "http://localhost:" + allowedPort;
        api = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:" + apiPort + "/"),
                new ResourceConfig(Api.class).register(PreflightCounter.class).register(CorsFeature.builder()
                        .origins(allowedOrigin)
                        .resource("/e2e/reject", CorsOptions.builder().rejectDisallowedOrigins(true).build())
                        .resource("/e2e/.*")
                        .build()));
        String apiBase = "http://localhost:" + apiPort;
        allowedPage = BrowserPages.pageServer(allowedPort, page(apiBase, "allowed"));
        otherPage = BrowserPages.pageServer(otherPort, page(apiBase, "other"));
        fromAllowed = BrowserPages.results(HeadlessChromium.dumpDom(allowedOrigin + "/", 60_000));
        fromOther = BrowserPages.results(HeadlessChromium.dumpDom("http://localhost:" + otherPort + "/", 60_000));
    }

    @AfterAll
    static void stopServers() {
        for (HttpServer s : new HttpServer[] {api, allowedPage, otherPage}) {
            if (s != null) {
                s.shutdownNow();
            }
        }
    }

    private static String outcome(Map<String, String> results, String id) {
        return results.get(id).startsWith("read ") ? results.get(id).substring(0, "read 200".length()) : results.get(id);
    }

    @Test
    void simpleGetFromAllowedOriginIsReadable() {
        assertThat(fromAllowed.get("simple"), is("read 200 body=simple x-total=null x-hidden=null"));
        assertThat("a simple request needs no preflight", PreflightCounter.count("/e2e/simple?from=allowed"), is(0));
    }

    @Test
    void simpleGetFromUnlistedOriginIsBlockedThoughTheServerAnswered() {
        assertThat(fromOther.get("simple"), is("blocked"));
        assertThat("the request itself reached the resource; the browser hid the answer",
                Invocations.count("simple:other"), is(1));
    }

    @Test
    void preflightedJsonPutIsAllowedAndRunsOnce() {
        assertThat(outcome(fromAllowed, "put"), is("read 200"));
        assertThat(PreflightCounter.count("/e2e/put?from=allowed"), is(1));
        assertThat(Invocations.count("put:allowed"), is(1));
    }

    @Test
    void preflightedJsonPutFromUnlistedOriginIsBlockedAndNeverRuns() {
        assertThat(fromOther.get("put"), is("blocked"));
        assertThat(PreflightCounter.count("/e2e/put?from=other"), is(1));
        assertThat("the browser never sent the PUT", Invocations.count("put:other"), is(0));
    }

    @Test
    void allowedCustomHeaderPassesAndOtherHeaderIsRefused() {
        assertThat(outcome(fromAllowed, "custom-allowed"), is("read 200"));
        assertThat(Invocations.count("custom:allowed"), is(1));
        assertThat(fromAllowed.get("custom-refused"), is("blocked"));
        assertThat(PreflightCounter.count("/e2e/custom?from=allowed&h=other"), is(1));
    }

    @Test
    void methodMissingFromMethodsIsRefusedAndNeverRuns() {
        assertThat(fromAllowed.get("delete"), is("blocked"));
        assertThat(PreflightCounter.count("/e2e/delete?from=allowed"), is(1));
        assertThat(Invocations.count("delete:allowed"), is(0));
    }

    @Test
    void exposedHeaderIsReadableAndOthersAreNot() {
        assertThat(fromAllowed.get("exposed"), is("read 200 body=exposed x-total=5 x-hidden=null"));
    }

    @Test
    void credentialedRequestNeedsSupportsCredentialsAndAnExplicitOrigin() {
        assertThat("supportsCredentials with the listed origin", outcome(fromAllowed, "credentialed"), is("read 200"));
        assertThat("the same resource from an unlisted origin", fromOther.get("credentialed"), is("blocked"));
        assertThat("without credentials a * answer is readable", outcome(fromAllowed, "public"), is("read 200"));
        assertThat("with credentials the browser refuses a * answer", fromAllowed.get("public-credentialed"), is("blocked"));
    }

    @Test
    void maxAgeLetsTheBrowserReuseOnePreflightAndZeroDoesNot() {
        assertThat(outcome(fromAllowed, "cached-2"), is("read 200"));
        assertThat("maxAge 600: one preflight for two calls", PreflightCounter.count("/e2e/cached?from=allowed"), is(1));
        assertThat(outcome(fromAllowed, "uncached-2"), is("read 200"));
        assertThat("maxAge 0: a preflight per call", PreflightCounter.count("/e2e/uncached?from=allowed"), is(2));
    }

    @Test
    void errorResponsesAreReadableByTheScript() {
        assertThat("404 inside the covered rule", outcome(fromAllowed, "missing"), is("read 404"));
        assertThat("500 of an unmapped exception", outcome(fromAllowed, "boom"), is("read 500"));
        assertThat(fromOther.get("boom"), is("blocked"));
    }

    @Test
    void authorizationHeaderPassesUnderAllowHeadersStar() {
        assertThat(fromAllowed.get("authorization"), is("read 200 body=auth:Bearer t0k3n x-total=null x-hidden=null"));
    }

    @Test
    void rejectDisallowedOriginsStopsASimplePostBeforeTheResource() {
        assertThat(fromOther.get("reject"), is("blocked"));
        assertThat("no preflight for a simple POST", PreflightCounter.count("/e2e/reject?from=other"), is(0));
        assertThat("refused before the resource ran", Invocations.count("reject:other"), is(0));
        assertThat(outcome(fromAllowed, "reject"), is("read 200"));
        assertThat(Invocations.count("reject:allowed"), is(1));
    }
}
