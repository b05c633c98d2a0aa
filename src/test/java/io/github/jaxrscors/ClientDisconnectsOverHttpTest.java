package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.github.jaxrscors.support.HttpRuntime;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that goes away mid-stream (a {@code StreamingOutput} and an SSE stream, cut by a TCP
 * reset after the headers and some of the body) leaves no stuck request (every resource method
 * ends), no leaked thread, a server that still answers, and no record above DEBUG from the library.
 */
@Tag("http")
@Isolated
class ClientDisconnectsOverHttpTest {

    static final String APP = "https://app.example.com";
    static final int STREAMS = 6;

    /** Runs the SSE streams after their resource method has returned: two threads, so the thread count settles in one round. */
    static final ExecutorService LATER = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "client-disconnects-later");
        t.setDaemon(true);
        return t;
    });

    static final AtomicInteger STARTED = new AtomicInteger();
    static final AtomicInteger ENDED = new AtomicInteger();

    @Path("gone")
    public static class Streams {
        @GET
        @Path("stream")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public StreamingOutput stream() {
            return out -> {
                STARTED.incrementAndGet();
                try {
                    byte[] chunk = new byte[16 * 1024];
                    // Bounded: 30 s at most, should the disconnect go unnoticed.
                    for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end;) {
                        out.write(chunk);
                        out.flush();
                        sleep(2);
                    }
                } finally {
                    ENDED.incrementAndGet();
                }
            };
        }

        @GET
        @Path("sse")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void sse(@Context SseEventSink sink, @Context Sse sse) {
            STARTED.incrementAndGet();
            LATER.execute(() -> {
                try (sink) {
                    for (long end = System.nanoTime() + 30_000_000_000L; !sink.isClosed() && System.nanoTime() < end;) {
                        sink.send(sse.newEvent("tick", "x".repeat(1024))).toCompletableFuture().join();
                        sleep(2);
                    }
                } catch (RuntimeException e) {
                    // the send failed: the client is gone
                } finally {
                    ENDED.incrementAndGet();
                }
            });
        }

        @GET
        @Path("ping")
        public String ping() {
            return "pong";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the head and {@code bodyBytes} of the body, then resets the connection. */
    static String readSomeThenReset(int port, String path, int bodyBytes) throws Exception {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: " + APP + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        in.readNBytes(bodyBytes);
        socket.setSoLinger(true, 0);
        socket.close();
        return head.toString();
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void clientsThatDisconnectMidStreamLeaveNothingBehind(HttpRuntime runtime) throws Exception {
        ResourceConfig app = new ResourceConfig(Streams.class).register(CorsFeature.builder().origins(APP).build());
        try (HttpRuntime.Running server = runtime.start(app)) {
            // The first round grows the pools (the container's workers, the test's own scheduler) to
            // their steady size; a leak would grow the count again in the second.
            List<String> records;
            int[] threadsAfter = new int[2];
            try (LogCapture log = new LogCapture()) {
                for (int round = 0; round < 2; round++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < STREAMS; i++) {
                        String head = readSomeThenReset(server.port(), i % 2 == 0 ? "/gone/stream" : "/gone/sse", 32 * 1024);
                        assertThat(parseHead(head), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                                varyIs("Origin")));
                    }
                    assertThat("every resource method ended: no stuck request", awaitEnded(STARTED.get()), is(true));
                    threadsAfter[round] = threads();
                    System.out.println(runtime + " round " + round + ": " + STREAMS + " streams cut in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms, " + threadsAfter[round] + " threads");
                }
                records = log.records().stream().filter(r -> r.getLevel().intValue() > Level.FINE.intValue())
                        .map(r -> r.getLevel() + " " + r.getMessage()).toList();
            }
            assertThat("nothing above DEBUG from the library", records, is(empty()));
            assertThat("no leaked thread: as many threads after the second round as after the first", threadsAfter[1],
                    lessThanOrEqualTo(threadsAfter[0]));
            Reply ping = parseHead(readSomeThenReset(server.port(), "/gone/ping", 0));
            assertThat("the server still answers", ping, allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                    varyIs("Origin")));
        }
    }

    private static boolean awaitEnded(int started) throws InterruptedException {
        for (long end = System.nanoTime() + 15_000_000_000L; ENDED.get() < started && System.nanoTime() < end;) {
            Thread.sleep(20);
        }
        return ENDED.get() >= started;
    }

    private static Reply parseHead(String head) {
        String[] lines = head.split("\r\n");
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), n -> new java.util.ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, "");
    }
}
