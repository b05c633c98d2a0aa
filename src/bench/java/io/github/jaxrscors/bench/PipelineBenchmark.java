package io.github.jaxrscors.bench;

import io.github.jaxrscors.CorsFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pipeline tier: a whole request through Jersey's in-memory pipeline ({@code ApplicationHandler#apply}),
 * for four configurations of the same application: no CORS, a constant-header filter (the floor),
 * jaxrs-cors, and RESTEasy's {@code CorsFilter} registered on Jersey.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms1g", "-Xmx1g"})
public class PipelineBenchmark {

    static final String APP = "https://app.example.com";
    static final URI BASE = URI.create("http://api.example.com/");

    @Param({"none", "floor", "jaxrsCors", "resteasy"})
    public String config;

    @Param({"allowed", "noOrigin", "disallowed", "preflightAllowed", "preflightRejected"})
    public String scenario;

    @Param({"1", "10000"})
    public int origins;

    private ApplicationHandler handler;

    @Path("items")
    public static class Items {
        @GET
        public String list() {
            return "[]";
        }

        @PUT
        public String put(String body) {
            return body;
        }
    }

    /** The floor: what a hand-written filter adding one constant header costs. */
    public static final class ConstantHeaderFilter implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", APP);
        }
    }

    static List<String> allowedOrigins(int count) {
        List<String> list = new ArrayList<>(count);
        list.add(APP);
        for (int i = 1; i < count; i++) {
            list.add("https://o" + i + ".example.net");
        }
        return list;
    }

    static List<String> patterns() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add("https://[a-z]+\\.p" + i + "\\.example\\.org");
        }
        return list;
    }

    @Setup
    public void setUp() {
        if (!RuntimeDelegate.getInstance().getClass().getName().startsWith("org.glassfish.jersey")) {
            throw new IllegalStateException("Jersey must be the active RuntimeDelegate, not " + RuntimeDelegate.getInstance());
        }
        ResourceConfig rc = new ResourceConfig(Items.class);
        List<String> listed = allowedOrigins(origins);
        switch (config) {
            case "none" -> { }
            case "floor" -> rc.register(new ConstantHeaderFilter());
            case "jaxrsCors" -> rc.register(CorsFeature.builder().origins(listed.toArray(String[]::new))
                    .originPatterns(patterns().toArray(String[]::new)).build());
            case "resteasy" -> {
                org.jboss.resteasy.plugins.interceptors.CorsFilter filter = new org.jboss.resteasy.plugins.interceptors.CorsFilter();
                filter.getAllowedOrigins().addAll(listed);
                filter.setAllowedMethods("GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE");
                rc.register(filter);
            }
            default -> throw new IllegalArgumentException(config);
        }
        handler = new ApplicationHandler(rc);
        ContainerResponse check = request();
        if (check.getStatus() >= 500) {
            throw new IllegalStateException(config + "/" + scenario + " answered " + check.getStatus());
        }
    }

    @Benchmark
    public ContainerResponse request() {
        ContainerRequest request;
        switch (scenario) {
            case "allowed" -> {
                request = get();
                request.header("Origin", APP);
            }
            case "noOrigin" -> request = get();
            case "disallowed" -> {
                request = get();
                request.header("Origin", "https://evil.example.net");
            }
            case "preflightAllowed" -> request = preflight(APP);
            case "preflightRejected" -> request = preflight("https://evil.example.net");
            default -> throw new IllegalArgumentException(scenario);
        }
        try {
            return handler.apply(request).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ContainerRequest get() {
        return new ContainerRequest(BASE, BASE.resolve("items"), "GET", null, new MapPropertiesDelegate(),
                handler.getConfiguration());
    }

    private ContainerRequest preflight(String origin) {
        ContainerRequest r = new ContainerRequest(BASE, BASE.resolve("items"), "OPTIONS", null, new MapPropertiesDelegate(),
                handler.getConfiguration());
        r.header("Origin", origin);
        r.header("Access-Control-Request-Method", "PUT");
        r.header("Access-Control-Request-Headers", "content-type");
        return r;
    }
}
