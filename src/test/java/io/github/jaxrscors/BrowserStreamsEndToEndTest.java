package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.BrowserPages;
import io.github.jaxrscors.support.HeadlessChromium;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Streams in a real browser: headless Chromium loads a page from one origin and, on the API's
 * origin, opens an {@code EventSource} (with and without {@code withCredentials}) and reads a
 * streamed {@code fetch} body chunk by chunk. From the listed origin each is readable; from another,
 * the browser blocks it.
 */
@Tag("browser")
@EnabledIf(value = "io.github.jaxrscors.support.HeadlessChromium#usable", disabledReason = "no Chromium: apt-get install chromium")
class BrowserStreamsEndToEndTest {

    static final int CHUNKS = 4;

    /** Per page: the acknowledgements the script sent for each chunk it had read. */
    static final Map<String, Semaphore> ACKS = new ConcurrentHashMap<>();
    /** Per page: the chunks written only after the script had read the one before. */
    static final Map<String, AtomicInteger> PACED = new ConcurrentHashMap<>();

    @Path("live")
    public static class Live {
        @GET
        @Path("events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@Context SseEventSink sink, @Context Sse sse) {
            try (sink) {
                for (int i = 0; i < 3; i++) {
                    sink.send(sse.newEvent("e" + i)).toCompletableFuture().join();
                }
            }
        }

        @GET
        @Path("login")
        @CrossOrigin(supportsCredentials = OptBoolean.TRUE)
        public Response login() {
            return Response.ok("in").cookie(new NewCookie.Builder("session").value("s3cr3t").path("/").build()).build();
        }

        @GET
        @Path("credentialed-events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        @CrossOrigin(supportsCredentials = OptBoolean.TRUE)
        public void credentialedEvents(@CookieParam("session") String session, @Context SseEventSink sink, @Context Sse sse) {
            try (sink) {
                sink.send(sse.newEvent("session=" + session)).toCompletableFuture().join();
            }
        }

        /** Writes chunk {@code i + 1} only once the script has acknowledged chunk {@code i} (1 s at most each). */
        @GET
        @Path("chunks")
        @Produces(MediaType.TEXT_PLAIN)
        public StreamingOutput chunks(@QueryParam("from") String from) {
            Semaphore acks = ACKS.computeIfAbsent(from, f -> new Semaphore(0));
            AtomicInteger paced = PACED.computeIfAbsent(from, f -> new AtomicInteger());
            return out -> {
                for (int i = 0; i < CHUNKS; i++) {
                    out.write(("chunk " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        if (i < CHUNKS - 1 && acks.tryAcquire(1, TimeUnit.SECONDS)) {
                            paced.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            };
        }

        @GET
        @Path("ack")
        public String ack(@QueryParam("from") String from) {
            ACKS.computeIfAbsent(from, f -> new Semaphore(0)).release();
            return "ok";
        }
    }

    private static HttpServer api;
    private static HttpServer allowedPage;
    private static HttpServer otherPage;
    private static Map<String, String> fromAllowed;
    private static Map<String, String> fromOther;

    /** The page: each scenario in order, then {@code id=outcome} lines into #results. */
    static String page(String apiBase, String tag) {
        return """
            <!DOCTYPE html><html><body><pre id="results"></pre><script>
            const API = "%s", FROM = "%s";
            function events(url, init, expected) {
              return new Promise(resolve => {
                const es = new EventSource(url, init), got = [];
                const timer = setTimeout(() => { es.close(); resolve("timeout " + got.join(",")); }, 8000);
                es.onmessage = e => {
                  got.push(e.data);
                  if (got.length === expected) { clearTimeout(timer); es.close(); resolve("read " + got.join(",")); }
                };
                es.onerror = () => {
                  if (got.length === 0) { clearTimeout(timer); es.close(); resolve("blocked"); }
                };
              });
            }
            async function chunks() {
              try {
                const r = await fetch(`${API}/live/chunks?from=${FROM}`);
                const reader = r.body.getReader(), decoder = new TextDecoder();
                let text = "", reads = 0, acked = 0;
                for (;;) {
                  const { done, value } = await reader.read();
                  if (done) break;
                  reads++;
                  text += decoder.decode(value, { stream: true });
                  const complete = (text.match(/\\n/g) || []).length;
                  for (; acked < complete; acked++) {
                    await fetch(`${API}/live/ack?from=${FROM}`, { mode: "no-cors" });
                  }
                }
                return `read ${r.status} reads=${reads} text=${text.trim().split("\\n").join("|")}`;
              } catch (e) {
                return "blocked";
              }
            }
            const scenarios = [
              ["events", () => events(`${API}/live/events?from=${FROM}`, {}, 3)],
              ["login", async () => {
                try {
                  const r = await fetch(`${API}/live/login?from=${FROM}`, { credentials: "include" });
                  return `read ${r.status} ${await r.text()}`;
                } catch (e) { return "blocked"; }
              }],
              ["credentialed-events", () => events(`${API}/live/credentialed-events?from=${FROM}`, { withCredentials: true }, 1)],
              ["chunks", chunks],
            ];
            (async () => {
              const lines = [];
              for (const [id, run] of scenarios) {
                lines.push(`${id}=${await run()}`);
              }
              document.getElementById("results").textContent = lines.join("\\n");
              document.title = "done";
            })();
            </script></body></html>
            """.formatted(apiBase, tag);
    }

    @BeforeAll
    static void startServersAndBrowse() throws Exception {
        int apiPort = BrowserPages.freePort();
        int allowedPort = BrowserPages.freePort();
        int otherPort = BrowserPages.freePort();
        String allowedOrigin = "http://localhost:" + allowedPort;
        api = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:" + apiPort + "/"),
                new ResourceConfig(Live.class).register(CorsFeature.builder().origins(allowedOrigin).build())
                        // Jersey holds the first 8 KB of a body, flushes included, to send a Content-Length;
                        // a stream of small chunks must turn that off to reach the client as written.
                        .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0));
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

    @Test
    void eventSourceFromTheAllowedOriginReceivesEveryEvent() {
        assertThat(fromAllowed.get("events"), is("read e0,e1,e2"));
    }

    @Test
    void eventSourceFromAnotherOriginIsBlocked() {
        assertThat(fromOther.get("events"), is("blocked"));
    }

    @Test
    void eventSourceWithCredentialsSendsTheCookieUnderACredentialedPolicy() {
        assertThat("the credentialed login set the cookie", fromAllowed.get("login"), is("read 200 in"));
        assertThat("withCredentials sent it, and the event is readable", fromAllowed.get("credentialed-events"),
                is("read session=s3cr3t"));
        assertThat("from another origin", fromOther.get("credentialed-events"), is("blocked"));
    }

    @Test
    void streamedFetchBodyIsReadableChunkByChunkFromTheAllowedOrigin() {
        assertThat(fromAllowed.get("chunks"), org.hamcrest.Matchers.startsWith("read 200 reads="));
        assertThat(fromAllowed.get("chunks"), org.hamcrest.Matchers.endsWith(" text=chunk 0|chunk 1|chunk 2|chunk 3"));
        assertThat("each chunk after the first was written only once the script had read the one before",
                PACED.get("allowed").get(), is(CHUNKS - 1));
        assertThat("from another origin", fromOther.get("chunks"), is("blocked"));
    }
}
