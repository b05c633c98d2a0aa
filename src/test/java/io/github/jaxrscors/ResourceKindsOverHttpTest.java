package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.github.jaxrscors.support.HttpRuntime;
import io.github.jaxrscors.support.KeepAliveConnection;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of resource method over real HTTP, on Grizzly and on Jersey as a servlet in Jetty 12:
 * an {@code AsyncResponse} resumed with an entity, with a mapped and an unmapped exception and by
 * timeout; a {@code CompletionStage} completed normally and exceptionally; a {@code StreamingOutput}
 * of several MB and one that throws halfway; server-sent events. Each answer carries the headers
 * of the synchronous method under the same policy, and a failure after the headers are out is
 * answered once, never twice.
 */
@Tag("http")
class ResourceKindsOverHttpTest {

    static final String APP = "https://app.example.com";
    static final int LARGE = 5 * 1024 * 1024;
    static final int BROKEN_AFTER = 1024 * 1024;

    static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "resource-kinds-later");
        t.setDaemon(true);
        return t;
    });

    /** Mapped to 409 by {@link ConflictMapper}. */
    static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class ConflictMapper implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Response.status(409).entity("conflict").build();
        }
    }

    /** Byte {@code i} of the streamed bodies: no two neighbouring kilobytes alike. */
    static byte streamByte(int i) {
        return (byte) (i * 31 + (i >>> 10));
    }

    static byte[] streamBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = streamByte(i);
        }
        return b;
    }

    @Path("kinds")
    public static class Kinds {
        @GET
        @Path("sync")
        public String sync() {
            return "sync";
        }

        @GET
        @Path("async/entity")
        public void asyncEntity(@Suspended AsyncResponse async) {
            LATER.schedule(() -> async.resume("async"), 20, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("async/mapped")
        public void asyncMapped(@Suspended AsyncResponse async) {
            LATER.schedule(() -> async.resume(new ConflictException()), 20, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("async/unmapped")
        public void asyncUnmapped(@Suspended AsyncResponse async) {
            LATER.schedule(() -> async.resume(new IllegalStateException("async boom")), 20, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("async/timeout")
        public void asyncTimeout(@Suspended AsyncResponse async) {
            async.setTimeout(200, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("async/timeout-handler")
        public void asyncTimeoutHandler(@Suspended AsyncResponse async) {
            async.setTimeoutHandler(r -> r.resume(Response.status(202).entity("still working").build()));
            async.setTimeout(200, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("stage/ok")
        public CompletionStage<String> stageOk() {
            return CompletableFuture.supplyAsync(() -> "stage", LATER);
        }

        @GET
        @Path("stage/unmapped")
        public CompletionStage<String> stageUnmapped() {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("stage boom");
            }, LATER);
        }

        @GET
        @Path("stage/mapped")
        public CompletionStage<String> stageMapped() {
            return CompletableFuture.supplyAsync(() -> {
                throw new ConflictException();
            }, LATER);
        }

        @GET
        @Path("stream/large")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public StreamingOutput large() {
            return out -> {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < LARGE; i += chunk.length) {
                    for (int j = 0; j < chunk.length; j++) {
                        chunk[j] = streamByte(i + j);
                    }
                    out.write(chunk, 0, Math.min(chunk.length, LARGE - i));
                }
            };
        }

        @GET
        @Path("stream/broken")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public StreamingOutput broken() {
            return out -> {
                out.write(streamBytes(BROKEN_AFTER));
                out.flush();
                throw new IOException("the source went away after 1 MB");
            };
        }

        @GET
        @Path("stream/broken-with-length")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public Response brokenWithLength() {
            return Response.ok(broken()).header("Content-Length", 2 * BROKEN_AFTER).build();
        }

        @GET
        @Path("sse/events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@Context SseEventSink sink, @Context Sse sse) {
            LATER.execute(() -> {
                try (sink) {
                    for (int i = 0; i < 5; i++) {
                        sink.send(sse.newEventBuilder().id(Integer.toString(i)).name("tick").data("event " + i).build())
                                .toCompletableFuture().join();
                    }
                }
            });
        }

        @GET
        @Path("sse/closed")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void closed(@Context SseEventSink sink) {
            sink.close();
        }
    }

    private static final Map<HttpRuntime, HttpRuntime.Running> SERVERS = new EnumMap<>(HttpRuntime.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static ResourceConfig app() {
        return withoutCors().register(CorsFeature.builder().origins(APP).supportsCredentials(true).exposeHeaders("X-Total")
                .resource("/kinds/.*").build());
    }

    static ResourceConfig withoutCors() {
        return new ResourceConfig(Kinds.class).register(new ConflictMapper());
    }

    @BeforeAll
    static void start() throws Exception {
        for (HttpRuntime runtime : HttpRuntime.values()) {
            SERVERS.put(runtime, runtime.start(app()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (HttpRuntime.Running server : SERVERS.values()) {
            server.close();
        }
    }

    /** A response as read by {@link HttpClient}: the reply and its body bytes. */
    record Got(Reply reply, byte[] body) {
    }

    static Got get(HttpRuntime runtime, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(SERVERS.get(runtime).base().resolve(path)).header("Origin", APP)
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        byte[] body = response.body();
        return new Got(new Reply(response.statusCode(), headers, new String(body, java.nio.charset.StandardCharsets.UTF_8)), body);
    }

    /** The {@code Access-Control-*} headers and {@code Vary} of a reply, names lower-cased. */
    static Map<String, List<String>> corsHeaders(Reply r) {
        Map<String, List<String>> cors = new TreeMap<>();
        r.headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("access-control-") || n.equals("vary")) {
                cors.put(n, values);
            }
        });
        return cors;
    }

    /** The status, and the CORS headers and Vary of the synchronous method, each once. */
    static Matcher<Reply> carriesThePolicy(int status) {
        return allOf(hasStatus(status), hasHeader("Access-Control-Allow-Origin", APP),
                hasHeader("Access-Control-Allow-Credentials", "true"), hasHeader("Access-Control-Expose-Headers", "X-Total"),
                varyIs("Origin"));
    }

    private static void assertSameHeadersAsSync(HttpRuntime runtime, Reply reply) throws Exception {
        Reply sync = get(runtime, "kinds/sync").reply();
        assertThat("the synchronous reference", sync, carriesThePolicy(200));
        assertThat("the same Access-Control-* headers and Vary as the synchronous method",
                corsHeaders(reply), is(corsHeaders(sync)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void asyncResponseResumedWithAnEntityCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/async/entity");
        assertThat(got.reply(), carriesThePolicy(200));
        assertThat(got.reply().body(), is("async"));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void asyncResponseResumedWithAMappedExceptionCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/async/mapped");
        assertThat(got.reply(), carriesThePolicy(409));
        assertThat(got.reply().body(), is("conflict"));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void asyncResponseResumedWithAnUnmappedExceptionGetsTheFiveHundredWithTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/async/unmapped");
        assertThat(got.reply(), carriesThePolicy(500));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void asyncTimeoutServiceUnavailableCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/async/timeout");
        assertThat(got.reply(), carriesThePolicy(503));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void asyncTimeoutHandlersResponseCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/async/timeout-handler");
        assertThat(got.reply(), carriesThePolicy(202));
        assertThat(got.reply().body(), is("still working"));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void completionStageCompletedNormallyCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/stage/ok");
        assertThat(got.reply(), carriesThePolicy(200));
        assertThat(got.reply().body(), is("stage"));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void completionStageCompletedExceptionallyCarriesTheHeaders(HttpRuntime runtime) throws Exception {
        Got mapped = get(runtime, "kinds/stage/mapped");
        assertThat("a mapped exception", mapped.reply(), carriesThePolicy(409));
        assertSameHeadersAsSync(runtime, mapped.reply());
        Got unmapped = get(runtime, "kinds/stage/unmapped");
        assertThat("an unmapped exception", unmapped.reply(), carriesThePolicy(500));
        assertSameHeadersAsSync(runtime, unmapped.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void largeStreamingOutputArrivesByteForByteWithTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/stream/large");
        assertThat(got.reply(), carriesThePolicy(200));
        assertThat("5 MB, byte for byte", Arrays.equals(got.body(), streamBytes(LARGE)), is(true));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    /** Sends the request for the broken stream, then, if the connection survived, a second request on it. */
    private static KeepAliveConnection.Framed brokenStream(int port, String path, boolean cors) throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(port, 2_000)) {
            KeepAliveConnection.Framed broken = connection.exchange("GET", path, "Origin: " + APP);
            if (cors) {
                assertThat("the headers went out before the failure", broken.reply(), carriesThePolicy(200));
            }
            assertThat("the bytes written before the failure, unchanged", broken.body().length,
                    lessThanOrEqualTo(BROKEN_AFTER));
            assertThat(Arrays.equals(broken.body(), Arrays.copyOf(streamBytes(BROKEN_AFTER), broken.body().length)), is(true));
            assertThat("no second status line inside the body", broken.reply().body(), not(containsString("HTTP/1.1 ")));
            if (broken.stalled()) {
                return broken;
            }
            if (broken.complete() && !"close".equalsIgnoreCase(broken.reply().header("Connection"))) {
                // The container ended the response and kept the connection: the next request on it
                // gets its own answer, not a late 500 of the failed one.
                KeepAliveConnection.Framed next = connection.exchange("GET", "/kinds/sync", "Origin: " + APP);
                assertThat(next.reply(), cors ? carriesThePolicy(200) : hasStatus(200));
                assertThat(next.reply().body(), is("sync"));
            }
            assertThat("nothing follows on the connection", connection.sendsNothingMore(300), is(true));
            return broken;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void streamThatFailsHalfwayIsAnsweredOnceAsWithoutTheLibrary(HttpRuntime runtime) throws Exception {
        KeepAliveConnection.Framed with = brokenStream(SERVERS.get(runtime).port(), "/kinds/stream/broken", true);
        KeepAliveConnection.Framed without;
        try (HttpRuntime.Running plain = runtime.start(withoutCors())) {
            without = brokenStream(plain.port(), "/kinds/stream/broken", false);
        }
        assertThat("ended as without the library (Jersey ends a chunked body cleanly)", with.complete(), is(without.complete()));
        assertThat("as many bytes as without the library", with.body().length, is(without.body().length));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void streamWithAContentLengthThatFailsHalfwayIsShortOfItsLengthAsWithoutTheLibrary(HttpRuntime runtime) throws Exception {
        KeepAliveConnection.Framed with = brokenStream(SERVERS.get(runtime).port(), "/kinds/stream/broken-with-length", true);
        KeepAliveConnection.Framed without;
        try (HttpRuntime.Running plain = runtime.start(withoutCors())) {
            without = brokenStream(plain.port(), "/kinds/stream/broken-with-length", false);
        }
        assertThat("fewer bytes than announced: the client can tell the body is incomplete", with.complete(), is(false));
        assertThat("cut (Jetty closes) or stalled (Grizzly keeps the connection open) as without the library",
                with.stalled(), is(without.stalled()));
        System.out.println(runtime + ": broken stream with Content-Length " + (with.stalled() ? "stalled" : "cut") + " after "
                + with.body().length + " bytes");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void serverSentEventsArriveWithTheHeaders(HttpRuntime runtime) throws Exception {
        Got got = get(runtime, "kinds/sse/events");
        assertThat(got.reply(), carriesThePolicy(200));
        assertThat(got.reply().header("Content-Type"), containsString("text/event-stream"));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            expected.append("event: tick\nid: ").append(i).append("\ndata: event ").append(i).append("\n\n");
        }
        assertThat("every event, in order", got.reply().body(), is(expected.toString()));
        assertSameHeadersAsSync(runtime, got.reply());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void eventSinkClosedByTheServerEndsTheStreamWithTheHeaders(HttpRuntime runtime) throws Exception {
        try (KeepAliveConnection connection = new KeepAliveConnection(SERVERS.get(runtime).port())) {
            KeepAliveConnection.Framed closed = connection.exchange("GET", "/kinds/sse/closed", "Origin: " + APP,
                    "Accept: text/event-stream");
            assertThat(closed.reply(), carriesThePolicy(200));
            assertThat("an empty stream", closed.body().length, is(0));
            assertSameHeadersAsSync(runtime, closed.reply());
            if (closed.complete()) {
                KeepAliveConnection.Framed next = connection.exchange("GET", "/kinds/sync", "Origin: " + APP);
                assertThat(next.reply(), carriesThePolicy(200));
            }
            assertThat("nothing follows on the connection", connection.sendsNothingMore(300), is(true));
        }
    }
}
