package io.github.jaxrscors.demo;

import io.github.jaxrscors.CorsDecisionListener;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Demo only: tells the page why the server answered as it did. Each request the page sends carries
 * {@code ?demo=<run id>}; the library's decision event for it (outcome, reason code, policy, path
 * template, from the {@link CorsDecisionListener} {@link #listener()}), what it logged at DEBUG
 * (the reason as a sentence) and the status it answered are kept under that id, and
 * {@code GET /demo/why?run=<id>} returns them. The browser only reports "Failed to fetch"; this
 * is the server's side.
 */
final class DemoWhy {

    /** The most recent runs, oldest dropped first. */
    private static final Map<String, List<String>> RUNS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > 500;
        }
    });

    /** The library's log records of the request this thread serves (Grizzly serves a request on one thread). */
    private static final ThreadLocal<List<String>> DECISIONS = new ThreadLocal<>();

    private DemoWhy() {
    }

    /** Collects the library's DEBUG records for the request the logging thread is serving. */
    static Handler logHandler() {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() <= Level.FINE.intValue()) {
                    // The library answers a preflight before any other filter, Start included: the list starts here then.
                    List<String> decisions = DECISIONS.get();
                    if (decisions == null) {
                        decisions = new ArrayList<>();
                        DECISIONS.set(decisions);
                    }
                    decisions.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.FINE);
        return handler;
    }

    /**
     * The demo's decision listener: prints each event on the console and keeps it for the request
     * the thread serves (the library calls listeners on the request's thread).
     */
    static CorsDecisionListener listener() {
        return event -> {
            System.out.println("[cors] event " + event);
            List<String> decisions = DECISIONS.get();
            if (decisions == null) {
                decisions = new ArrayList<>();
                DECISIONS.set(decisions);
            }
            decisions.add("event " + event.outcome() + " " + event.reason() + " (" + event.method() + " " + event.pathTemplate()
                    + " by " + event.policy() + ")");
        };
    }

    static void install(Logger cors) {
        cors.addHandler(logHandler());
    }

    /**
     * Before matching: starts a fresh list for the request. A preflight the library answers before
     * matching never reaches this filter; its records start the list themselves, and
     * {@link Finish} ends it.
     */
    @PreMatching
    @Priority(1)
    static final class Start implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            DECISIONS.set(new ArrayList<>());
        }
    }

    /** After every other response filter (the lowest priority runs last on responses): the final status. */
    @Priority(1)
    static final class Finish implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            List<String> decisions = DECISIONS.get();
            DECISIONS.remove();
            String run = request.getUriInfo().getQueryParameters().getFirst("demo");
            if (run == null || run.length() > 64) {
                return;
            }
            decisions = decisions == null ? List.of() : decisions;
            String preflight = "OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null
                    ? " (preflight for " + request.getHeaderString("Access-Control-Request-Method") + ")" : "";
            String line = request.getMethod() + preflight + " " + request.getUriInfo().getPath() + " -> " + response.getStatus()
                    + (decisions.isEmpty() ? "" : ": " + String.join("; ", decisions));
            RUNS.computeIfAbsent(run, r -> Collections.synchronizedList(new ArrayList<>())).add(line);
        }
    }

    /** {@code GET /demo/why?run=<id>}: what the server did with each request of one run, as a JSON array of strings. */
    @Path("demo/why")
    public static class Resource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String why(@QueryParam("run") String run) {
            List<String> lines = run == null ? List.of() : RUNS.getOrDefault(run, List.of());
            StringBuilder json = new StringBuilder("[");
            synchronized (lines) {
                for (String line : lines) {
                    json.append(json.length() == 1 ? "" : ",").append('"').append(escape(line)).append('"');
                }
            }
            return json.append(']').toString();
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
