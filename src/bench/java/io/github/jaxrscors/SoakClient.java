package io.github.jaxrscors;

import io.github.jaxrscors.support.KeepAliveConnection;
import io.github.jaxrscors.support.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's traffic: {@code SoakClient <port> <seconds> <connections>} sends mixed requests from
 * that many loopback connections at once for that long (and at most 5 million requests), each
 * connection used for up to 100 requests and then replaced, and checks every answer: its status,
 * each {@code Access-Control-*} header and {@code Vary}. Prints requests sent and answered, wrong
 * or missing CORS headers, unexpected 5xx, bodies cut or wrong, and the server's heap after GC and thread count
 * ({@code /stats}) at the start and the end.
 */
public final class SoakClient {

    static final String APP = SoakServer.APP;
    static final String EVIL = "https://evil.example.net";
    static final long MAX_REQUESTS = 5_000_000;
    static final String PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    /** One kind of request, its weight in the mix, and what its answer must be. */
    enum Kind {
        PREFLIGHT_ALLOWED(10, "OPTIONS", "/soak/items", APP, false),
        PREFLIGHT_REFUSED(5, "OPTIONS", "/soak/items", EVIL, false),
        ALLOWED(25, "GET", "/soak/items", APP, false),
        REFUSED(10, "GET", "/soak/items", EVIL, false),
        NO_ORIGIN(5, "GET", "/soak/items", null, false),
        ASYNC(15, "GET", "/soak/async", APP, false),
        EVENTS(10, "GET", "/soak/events", APP, false),
        STREAM(5, "GET", "/soak/stream", APP, false),
        MAPPED(5, "GET", "/soak/conflict", APP, false),
        UNMAPPED(5, "GET", "/soak/boom", APP, true),
        TIMEOUT(5, "GET", "/soak/timeout", APP, true);

        final int weight;
        final String method;
        final String path;
        final String origin;
        final boolean intended5xx;

        Kind(int weight, String method, String path, String origin, boolean intended5xx) {
            this.weight = weight;
            this.method = method;
            this.path = path;
            this.origin = origin;
            this.intended5xx = intended5xx;
        }

        String[] headers() {
            List<String> h = new ArrayList<>();
            if (origin != null) {
                h.add("Origin: " + origin);
            }
            if (method.equals("OPTIONS")) {
                h.add("Access-Control-Request-Method: PUT");
                h.add("Access-Control-Request-Headers: content-type");
            }
            return h.toArray(new String[0]);
        }

        /** What is wrong with the answer's status or CORS headers, or null. */
        String check(KeepAliveConnection.Framed framed) {
            Reply r = framed.reply();
            Map<String, String> cors = new TreeMap<>();
            r.headers().forEach((name, values) -> {
                String n = name.toLowerCase(Locale.ROOT);
                if (n.startsWith("access-control-") || n.equals("vary")) {
                    cors.put(n, String.join(", ", values));
                }
            });
            Map<String, String> expected = new TreeMap<>();
            int status;
            switch (this) {
                case PREFLIGHT_ALLOWED -> {
                    status = 200;
                    expected.put("access-control-allow-origin", APP);
                    expected.put("access-control-allow-methods", "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE");
                    expected.put("access-control-allow-headers", "content-type");
                    expected.put("vary", PREFLIGHT_VARY);
                }
                case PREFLIGHT_REFUSED -> {
                    status = 403;
                    expected.put("vary", PREFLIGHT_VARY);
                }
                case REFUSED, NO_ORIGIN -> {
                    status = 200;
                    expected.put("vary", "Origin");
                }
                default -> {
                    status = switch (this) {
                        case MAPPED -> 409;
                        case UNMAPPED -> 500;
                        case TIMEOUT -> 503;
                        default -> 200;
                    };
                    expected.put("access-control-allow-origin", APP);
                    expected.put("access-control-expose-headers", "X-Total");
                    expected.put("vary", "Origin");
                }
            }
            if (!cors.equals(expected)) {
                return "CORS headers " + cors + ", expected " + expected;
            }
            if (r.status() != status) {
                return "status " + r.status() + ", expected " + status;
            }
            return null;
        }

        /** What is wrong with the body, or null. */
        String checkBody(KeepAliveConnection.Framed framed) {
            Reply r = framed.reply();
            if (!framed.complete()) {
                return "the body was cut" + (framed.stalled() ? " (stalled)" : " (connection closed)") + " after "
                        + framed.body().length + " bytes";
            }
            if (this == EVENTS && !r.body().equals("data: e0\n\ndata: e1\n\ndata: e2\n\n")) {
                return "events " + r.body();
            }
            if (this == STREAM && framed.body().length != SoakServer.STREAM_BYTES) {
                return "streamed " + framed.body().length + " bytes";
            }
            return null;
        }
    }

    private SoakClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        int connections = Integer.parseInt(args[2]);
        String start = stats(port);
        LongAdder sent = new LongAdder();
        LongAdder answered = new LongAdder();
        LongAdder wrongCors = new LongAdder();
        LongAdder wrongBody = new LongAdder();
        LongAdder unexpected5xx = new LongAdder();
        LongAdder intended5xx = new LongAdder();
        LongAdder ioErrors = new LongAdder();
        LongAdder opened = new LongAdder();
        AtomicLong budget = new AtomicLong(MAX_REQUESTS);
        Map<String, Long> samples = new ConcurrentHashMap<>();
        Map<Kind, LongAdder> closedAfter = new ConcurrentHashMap<>();
        Map<Kind, LongAdder> nanos = new ConcurrentHashMap<>();
        Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();
        Kind[] wheel = wheel();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
                    Kind previous = null;
                    try (KeepAliveConnection c = new KeepAliveConnection(port, 10_000)) {
                        opened.increment();
                        for (int i = 0; i < 100 && System.nanoTime() < end && budget.decrementAndGet() >= 0; i++) {
                            Kind kind = wheel[ThreadLocalRandom.current().nextInt(wheel.length)];
                            sent.increment();
                            long t0 = System.nanoTime();
                            KeepAliveConnection.Framed framed;
                            try {
                                framed = c.exchange(kind.method, kind.path, kind.headers());
                            } catch (java.io.EOFException e) {
                                if (previous == null) {
                                    throw e;
                                }
                                // Closed between two requests, before any byte of the answer (RFC 9112
                                // section 9.6): the request was never processed; sent again on a new connection.
                                sent.decrement();
                                closedAfter.computeIfAbsent(previous, k -> new LongAdder()).increment();
                                break;
                            }
                            nanos.computeIfAbsent(kind, k -> new LongAdder()).add(System.nanoTime() - t0);
                            counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            previous = kind;
                            answered.increment();
                            int status = framed.reply().status();
                            if (status >= 500 && kind.intended5xx) {
                                intended5xx.increment();
                            } else if (status >= 500) {
                                unexpected5xx.increment();
                            }
                            String wrong = kind.check(framed);
                            if (wrong != null) {
                                wrongCors.increment();
                                samples.merge(kind + ": " + wrong, 1L, Long::sum);
                            }
                            String badBody = kind.checkBody(framed);
                            if (badBody != null) {
                                wrongBody.increment();
                                samples.merge(kind + ": " + badBody, 1L, Long::sum);
                            }
                            if ("close".equalsIgnoreCase(framed.reply().header("Connection")) || !framed.complete()) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        ioErrors.increment();
                        samples.merge("I/O: " + e, 1L, Long::sum);
                    }
                }
            }, "soak-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        Thread.sleep(500); // the last asynchronous streams end
        String finish = stats(port);
        // Pools size themselves to the load and retire idle threads later (Jetty's after 60 s): the
        // figures once the server has been idle that long, or has come back to its start count.
        String settled = finish;
        long idle = System.nanoTime();
        while (threads(settled) > threads(start) && System.nanoTime() - idle < 75_000_000_000L) {
            Thread.sleep(5_000);
            settled = stats(port);
        }
        long idleSeconds = (System.nanoTime() - idle) / 1_000_000_000L;
        System.out.printf(Locale.ROOT, "%d s, %d connections at once, %d opened in all%n", seconds, connections, opened.sum());
        System.out.printf(Locale.ROOT, "requests sent %d, answered %d (%.0f/s), I/O errors %d%n", sent.sum(), answered.sum(),
                answered.sum() / (double) seconds, ioErrors.sum());
        System.out.printf(Locale.ROOT, "wrong or missing CORS header (or status): %d%n", wrongCors.sum());
        System.out.printf(Locale.ROOT, "bodies cut or wrong (headers right): %d%n", wrongBody.sum());
        System.out.printf(Locale.ROOT, "unexpected 5xx: %d (intended 500 and 503: %d)%n", unexpected5xx.sum(), intended5xx.sum());
        System.out.println("server at start: " + start + "; at end: " + finish + "; after " + idleSeconds + " s idle: " + settled);
        samples.forEach((what, n) -> System.out.println("  " + n + " x " + what));
        StringBuilder perKind = new StringBuilder("mean ms per kind:");
        for (Kind k : Kind.values()) {
            LongAdder n = counts.get(k);
            if (n != null) {
                perKind.append(String.format(Locale.ROOT, " %s %.2f (%d)", k, nanos.get(k).sum() / 1e6 / n.sum(), n.sum()));
            }
        }
        System.out.println(perKind);
        if (!closedAfter.isEmpty()) {
            System.out.println("connections the server closed between two requests, by the kind answered last: " + closedAfter);
        }
        if (wrongCors.sum() > 0 || unexpected5xx.sum() > 0) {
            System.exit(1);
        }
    }

    private static Kind[] wheel() {
        List<Kind> wheel = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < k.weight; i++) {
                wheel.add(k);
            }
        }
        return wheel.toArray(new Kind[0]);
    }

    private static int threads(String stats) {
        String from = stats.substring(stats.indexOf("threads=") + "threads=".length());
        return Integer.parseInt(from.substring(0, from.indexOf(' ')));
    }

    private static String stats(int port) throws IOException {
        try (KeepAliveConnection c = new KeepAliveConnection(port, 30_000)) {
            return c.exchange("GET", "/stats").reply().body();
        }
    }
}
