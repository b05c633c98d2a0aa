package io.github.jaxrscors;

import io.github.jaxrscors.support.HttpRuntime;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The soak's server: {@code SoakServer grizzly|jetty} serves, on a free loopback port it prints,
 * one application of every kind of resource method under one policy ({@code /soak/...}), and an
 * uncovered {@code /stats} that collects garbage and answers the heap used and the thread count
 * (the container's worker pool apart).
 * It stops when its standard input closes.
 */
public final class SoakServer {

    static final String APP = "https://app.example.com";
    static final int STREAM_BYTES = 256 * 1024;

    static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "soak-later");
        t.setDaemon(true);
        return t;
    });

    private SoakServer() {
    }

    /** Mapped to 409. */
    static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class ConflictMapper implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Response.status(409).entity("conflict").build();
        }
    }

    @Path("soak")
    public static class Soak {
        @GET
        @Path("items")
        public Response items() {
            return Response.ok("items").header("X-Total", "3").build();
        }

        @PUT
        @Path("items")
        public String put(String body) {
            return body;
        }

        @GET
        @Path("async")
        public void async(@Suspended AsyncResponse async) {
            LATER.schedule(() -> async.resume("async"), 1, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("timeout")
        public void timeout(@Suspended AsyncResponse async) {
            async.setTimeout(20, TimeUnit.MILLISECONDS);
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("soak boom");
        }

        @GET
        @Path("conflict")
        public String conflict() {
            throw new ConflictException();
        }

        @GET
        @Path("stream")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public StreamingOutput stream() {
            return out -> {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < STREAM_BYTES; i += chunk.length) {
                    out.write(chunk);
                }
            };
        }

        @GET
        @Path("events")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void events(@Context SseEventSink sink, @Context Sse sse) {
            LATER.execute(() -> {
                try (sink) {
                    for (int i = 0; i < 3; i++) {
                        sink.send(sse.newEvent("e" + i)).toCompletableFuture().join();
                    }
                } catch (RuntimeException e) {
                    // the client went away
                }
            });
        }
    }

    @Path("stats")
    public static class Stats {
        @GET
        public String stats() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Runtime rt = Runtime.getRuntime();
            int pooled = 0;
            for (java.lang.management.ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                // The containers' worker pools, which size themselves to the load (Jetty retires an
                // idle thread only once a minute): Jetty's qtp..., Grizzly's grizzly-http-server-...
                if (t.getThreadName().startsWith("qtp") || t.getThreadName().startsWith("grizzly-http-server")) {
                    pooled++;
                }
            }
            int all = ManagementFactory.getThreadMXBean().getThreadCount();
            return "heap=" + (rt.totalMemory() - rt.freeMemory()) + " threads=" + (all - pooled) + " workers=" + pooled;
        }
    }

    static ResourceConfig app() {
        return new ResourceConfig(Soak.class, Stats.class).register(new ConflictMapper())
                .register(CorsFeature.builder().origins(APP).exposeHeaders("X-Total").resource("/soak/.*").build());
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SoakServer grizzly|jetty");
            System.exit(2);
        }
        // The intended 500s are logged by Jersey and the container, one stack trace each: kept off
        // the console so logging does not dominate the run.
        Logger.getLogger("").setLevel(Level.OFF);
        HttpRuntime runtime = HttpRuntime.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        try (HttpRuntime.Running server = runtime.start(app(), false)) {
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the standard input closes
            }
        }
    }
}
