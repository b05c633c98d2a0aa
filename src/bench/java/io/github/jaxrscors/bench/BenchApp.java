package io.github.jaxrscors.bench;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CrossOrigin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The application every tier measures, its four CORS configurations and its five requests.
 *
 * <p>Configurations: {@code none} (no CORS), {@code floor} (a hand-written response filter adding
 * one constant {@code Access-Control-Allow-Origin}), {@code jaxrsCors} (this library: the listed
 * origins plus 10 origin patterns app-wide, {@code @CrossOrigin(exposeHeaders)} on the resource
 * methods) and {@code resteasy} (RESTEasy's {@code CorsFilter}: the same origins, methods and
 * exposed header). The requests all go to {@code /items}; {@code annotated} adds resource classes
 * that share the same annotated methods, so the library's policy table holds 1, 50 or 500 entries
 * per annotated method. {@code shape} and {@code shapeHeaders} are the library's filters without
 * the library ({@link FilterShape}), to tell Jersey's share of its cost from its own.
 */
final class BenchApp {

    static final String APP = "https://app.example.com";
    static final String EVIL = "https://evil.example.net";
    /**
     * A disallowed origin that the patterns' literal start and end admit ({@code https://} and
     * {@code .p0.example.org}), so the regular expressions are asked and fail on the digit: the
     * {@code patternMiss} scenario, on request ({@code -p scenario=patternMiss}).
     */
    static final String NEAR_MISS = "https://x1.p0.example.org";
    static final URI BASE = URI.create("http://api.example.com/");
    static final String EXPOSED = "X-Total-Count";
    static final String METHODS = "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE";

    private BenchApp() {
    }

    /** The resource methods; each resource class below serves them at its own path. */
    public abstract static class AnnotatedBase {
        @GET
        @CrossOrigin(exposeHeaders = EXPOSED)
        public String list() {
            return "[]";
        }

        @PUT
        @CrossOrigin(exposeHeaders = EXPOSED)
        public String put(String body) {
            return body;
        }
    }

    /** The resource every request goes to. */
    @Path("items")
    public static final class Items extends AnnotatedBase {
    }

    /** The same resource without {@code @CrossOrigin}, for the library configured app-wide alone. */
    @Path("items")
    public static final class PlainItems {
        @GET
        public String list() {
            return "[]";
        }

        @PUT
        public String put(String body) {
            return body;
        }
    }

    @Path("r01") public static final class R01 extends AnnotatedBase { }
    @Path("r02") public static final class R02 extends AnnotatedBase { }
    @Path("r03") public static final class R03 extends AnnotatedBase { }
    @Path("r04") public static final class R04 extends AnnotatedBase { }
    @Path("r05") public static final class R05 extends AnnotatedBase { }
    @Path("r06") public static final class R06 extends AnnotatedBase { }
    @Path("r07") public static final class R07 extends AnnotatedBase { }
    @Path("r08") public static final class R08 extends AnnotatedBase { }
    @Path("r09") public static final class R09 extends AnnotatedBase { }
    @Path("r10") public static final class R10 extends AnnotatedBase { }
    @Path("r11") public static final class R11 extends AnnotatedBase { }
    @Path("r12") public static final class R12 extends AnnotatedBase { }
    @Path("r13") public static final class R13 extends AnnotatedBase { }
    @Path("r14") public static final class R14 extends AnnotatedBase { }
    @Path("r15") public static final class R15 extends AnnotatedBase { }
    @Path("r16") public static final class R16 extends AnnotatedBase { }
    @Path("r17") public static final class R17 extends AnnotatedBase { }
    @Path("r18") public static final class R18 extends AnnotatedBase { }
    @Path("r19") public static final class R19 extends AnnotatedBase { }
    @Path("r20") public static final class R20 extends AnnotatedBase { }
    @Path("r21") public static final class R21 extends AnnotatedBase { }
    @Path("r22") public static final class R22 extends AnnotatedBase { }
    @Path("r23") public static final class R23 extends AnnotatedBase { }
    @Path("r24") public static final class R24 extends AnnotatedBase { }
    @Path("r25") public static final class R25 extends AnnotatedBase { }
    @Path("r26") public static final class R26 extends AnnotatedBase { }
    @Path("r27") public static final class R27 extends AnnotatedBase { }
    @Path("r28") public static final class R28 extends AnnotatedBase { }
    @Path("r29") public static final class R29 extends AnnotatedBase { }
    @Path("r30") public static final class R30 extends AnnotatedBase { }
    @Path("r31") public static final class R31 extends AnnotatedBase { }
    @Path("r32") public static final class R32 extends AnnotatedBase { }
    @Path("r33") public static final class R33 extends AnnotatedBase { }
    @Path("r34") public static final class R34 extends AnnotatedBase { }
    @Path("r35") public static final class R35 extends AnnotatedBase { }
    @Path("r36") public static final class R36 extends AnnotatedBase { }
    @Path("r37") public static final class R37 extends AnnotatedBase { }
    @Path("r38") public static final class R38 extends AnnotatedBase { }
    @Path("r39") public static final class R39 extends AnnotatedBase { }
    @Path("r40") public static final class R40 extends AnnotatedBase { }
    @Path("r41") public static final class R41 extends AnnotatedBase { }
    @Path("r42") public static final class R42 extends AnnotatedBase { }
    @Path("r43") public static final class R43 extends AnnotatedBase { }
    @Path("r44") public static final class R44 extends AnnotatedBase { }
    @Path("r45") public static final class R45 extends AnnotatedBase { }
    @Path("r46") public static final class R46 extends AnnotatedBase { }
    @Path("r47") public static final class R47 extends AnnotatedBase { }
    @Path("r48") public static final class R48 extends AnnotatedBase { }
    @Path("r49") public static final class R49 extends AnnotatedBase { }

    private static final List<Class<?>> OTHERS = List.of(
            R01.class, R02.class, R03.class, R04.class, R05.class, R06.class, R07.class, R08.class, R09.class,
            R10.class, R11.class, R12.class, R13.class, R14.class, R15.class, R16.class, R17.class, R18.class,
            R19.class, R20.class, R21.class, R22.class, R23.class, R24.class, R25.class, R26.class, R27.class,
            R28.class, R29.class, R30.class, R31.class, R32.class, R33.class, R34.class, R35.class, R36.class,
            R37.class, R38.class, R39.class, R40.class, R41.class, R42.class, R43.class, R44.class, R45.class,
            R46.class, R47.class, R48.class, R49.class);

    /** The floor: what a hand-written filter adding one constant header costs. */
    public static final class ConstantHeaderFilter implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", APP);
        }
    }

    /** Refuses to measure RESTEasy's filter on anything but Jersey's runtime. */
    static void checkRuntimeDelegate() {
        String active = RuntimeDelegate.getInstance().getClass().getName();
        if (!active.startsWith("org.glassfish.jersey")) {
            throw new IllegalStateException("Jersey must be the active RuntimeDelegate, not " + active);
        }
    }

    /** {@code count} allowed origins, {@link #APP} first. */
    static List<String> allowedOrigins(int count) {
        List<String> list = new ArrayList<>(count);
        list.add(APP);
        for (int i = 1; i < count; i++) {
            list.add("https://o" + i + ".example.net");
        }
        return list;
    }

    /** Ten origin patterns (regular expressions), none matching {@link #APP} or {@link #EVIL}. */
    static List<String> patterns() {
        return patterns(10);
    }

    /** {@code count} origin patterns (regular expressions), none matching {@link #APP} or {@link #EVIL}. */
    static List<String> patterns(int count) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add("https://[a-z]+\\.p" + i + "\\.example\\.org");
        }
        return list;
    }

    /**
     * The resources: {@link Items} and {@code annotated - 1} more classes with the same annotated
     * methods; beyond the 49 written out here, the rest are generated ({@link GeneratedResources}).
     */
    static ResourceConfig resources(int annotated) {
        if (annotated < 1) {
            throw new IllegalArgumentException("annotated must be at least 1: " + annotated);
        }
        // Jersey's auto-discovery would register the library for the annotated classes in the
        // configurations without it (none, resteasy, spring): off in every configuration alike.
        ResourceConfig rc = new ResourceConfig(Items.class).property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        OTHERS.subList(0, Math.min(annotated - 1, OTHERS.size())).forEach(rc::register);
        GeneratedResources.classes(annotated - 1 - OTHERS.size()).forEach(rc::register);
        return rc;
    }

    /** RESTEasy's filter, configured like the library. */
    static org.jboss.resteasy.plugins.interceptors.CorsFilter resteasy(int origins) {
        org.jboss.resteasy.plugins.interceptors.CorsFilter filter = new org.jboss.resteasy.plugins.interceptors.CorsFilter();
        filter.getAllowedOrigins().addAll(allowedOrigins(origins));
        filter.setAllowedMethods(METHODS);
        filter.setExposedHeaders(EXPOSED);
        return filter;
    }

    /** The library, configured app-wide. */
    static CorsFeature jaxrsCors(int origins) {
        return jaxrsCors(origins, 10);
    }

    /** The library, configured app-wide, with {@code patterns} origin patterns. */
    static CorsFeature jaxrsCors(int origins, int patterns) {
        return CorsFeature.builder().origins(allowedOrigins(origins).toArray(String[]::new))
                .originPatterns(patterns(patterns).toArray(String[]::new)).build();
    }

    /**
     * The library configured app-wide alone, on {@link PlainItems}: the same answers as
     * {@code jaxrsCors}, the exposed header set by the builder instead of the annotation.
     */
    static CorsFeature jaxrsCorsAppWide(int origins, int patterns) {
        return CorsFeature.builder().origins(allowedOrigins(origins).toArray(String[]::new))
                .originPatterns(patterns(patterns).toArray(String[]::new)).exposeHeaders(EXPOSED).build();
    }

    /** The library with crossSiteProtection on, to show what the option costs a safe request. */
    static CorsFeature jaxrsCorsCrossSite(int origins) {
        return CorsFeature.builder().origins(allowedOrigins(origins).toArray(String[]::new))
                .originPatterns(patterns().toArray(String[]::new)).crossSiteProtection(true).build();
    }

    /** Decisions counted by the listener of {@code jaxrsCorsListener}. */
    static long decisions;

    /** The library as {@code jaxrsCors}, with one decision listener that counts the decisions. */
    static CorsFeature jaxrsCorsListener(int origins, int patterns) {
        return CorsFeature.builder().origins(allowedOrigins(origins).toArray(String[]::new))
                .originPatterns(patterns(patterns).toArray(String[]::new)).decisionListener(e -> decisions++).build();
    }

    /** The JFR recording of {@code jaxrsCorsJfr}: the library's decision event alone, in memory, for the fork's life. */
    private static jdk.jfr.Recording recording;

    /** The library as {@code jaxrsCors}, with a JFR recording of its decision event running. */
    static synchronized CorsFeature jaxrsCorsJfr(int origins, int patterns) {
        if (recording == null) {
            recording = new jdk.jfr.Recording();
            recording.enable("io.github.jaxrscors.Decision");
            recording.setToDisk(false);
            recording.setMaxSize(16L << 20);
            recording.start();
        }
        return jaxrsCors(origins, patterns);
    }

    /** The application under {@code config}, with the library's 10 origin patterns. */
    static ResourceConfig app(String config, int origins, int annotated) {
        return app(config, origins, 10, annotated);
    }

    /** The application under {@code config}; {@code patterns} origin patterns where the library is configured. */
    static ResourceConfig app(String config, int origins, int patterns, int annotated) {
        checkRuntimeDelegate();
        ResourceConfig rc = config.equals("jaxrsCorsAppWide") ? new ResourceConfig(PlainItems.class) : resources(annotated);
        switch (config) {
            case "none" -> { }
            case "floor" -> rc.register(new ConstantHeaderFilter());
            case "shape" -> FilterShape.register(rc, "bare");
            case "shapeHeaders" -> FilterShape.register(rc, "headers");
            case "shapeAbort" -> FilterShape.register(rc, "abort");
            case "jaxrsCors" -> rc.register(jaxrsCors(origins, patterns));
            case "jaxrsCorsCrossSite" -> rc.register(jaxrsCorsCrossSite(origins));
            case "jaxrsCorsAppWide" -> rc.register(jaxrsCorsAppWide(origins, patterns));
            case "jaxrsCorsListener" -> rc.register(jaxrsCorsListener(origins, patterns));
            case "jaxrsCorsJfr" -> rc.register(jaxrsCorsJfr(origins, patterns));
            case "resteasy" -> rc.register(resteasy(origins));
            default -> throw new IllegalArgumentException("config: " + config);
        }
        return rc;
    }

    /**
     * Checks one answer before anything is measured, so a tier never times a broken setup: the
     * {@code Access-Control-Allow-Origin} each configuration must send, the 403 of a rejected
     * preflight, and the library's {@code Vary} on every answer. Every configuration but
     * {@code none}, {@code floor} and {@code mocks} is a CORS implementation.
     *
     * @param header a response header's first value by name, or null
     * @param shown  the response's headers, for the message
     */
    static void verify(String config, String scenario, int status, Function<String, Object> header, Object shown) {
        boolean cors = !List.of("none", "floor", "shape", "shapeHeaders", "shapeAbort", "mocks").contains(config);
        boolean granted = scenario.equals("allowed") || scenario.equals("preflightAllowed");
        String expected = config.equals("floor") || config.equals("shapeHeaders") || cors && granted ? APP : null;
        Object allowOrigin = header.apply("Access-Control-Allow-Origin");
        String problem = null;
        if (!Objects.equals(expected, allowOrigin)) {
            problem = "Access-Control-Allow-Origin " + allowOrigin + ", expected " + expected;
        } else if (status >= 500) {
            problem = "status " + status;
        } else if (cors && scenario.equals("preflightRejected") && status != 403) {
            problem = "status " + status + ", expected 403";
        } else if (config.startsWith("jaxrsCors") && header.apply("Vary") == null) {
            problem = "no Vary";
        }
        if (problem != null) {
            throw new IllegalStateException(config + "/" + scenario + ": " + problem + " in " + shown);
        }
    }

    /** A fresh request for {@code scenario}, as a container would hand it to Jersey. */
    static ContainerRequest request(String scenario, Configuration configuration) {
        return switch (scenario) {
            case "allowed" -> withOrigin(get(configuration), APP);
            case "noOrigin" -> get(configuration);
            case "disallowed" -> withOrigin(get(configuration), EVIL);
            case "patternMiss" -> withOrigin(get(configuration), NEAR_MISS);
            case "preflightAllowed" -> preflight(APP, configuration);
            case "preflightRejected" -> preflight(EVIL, configuration);
            default -> throw new IllegalArgumentException("scenario: " + scenario);
        };
    }

    private static ContainerRequest get(Configuration configuration) {
        return new ContainerRequest(BASE, BASE.resolve("items"), "GET", null, new MapPropertiesDelegate(), configuration);
    }

    private static ContainerRequest withOrigin(ContainerRequest request, String origin) {
        request.header("Origin", origin);
        return request;
    }

    private static ContainerRequest preflight(String origin, Configuration configuration) {
        ContainerRequest r = new ContainerRequest(BASE, BASE.resolve("items"), "OPTIONS", null, new MapPropertiesDelegate(),
                configuration);
        r.header("Origin", origin);
        r.header("Access-Control-Request-Method", "PUT");
        r.header("Access-Control-Request-Headers", "content-type");
        return r;
    }
}
