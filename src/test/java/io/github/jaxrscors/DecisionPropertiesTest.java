package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * In-process tier: the decision is readable by application code as two request properties,
 * {@link CorsProperties#ORIGIN_ALLOWED} and {@link CorsProperties#POLICY}, set before the resource
 * method runs on every covered request.
 */
@Tag("in-process")
@ResourceLock(Invocations.LOCK)
class DecisionPropertiesTest {

    static final String EVIL = "https://evil.example.net";
    static final String[] PREFLIGHT_VARY = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};

    /** What a resource method read, as its body: {@code allowed=TRUE policy=...}. */
    static String decision(ContainerRequestContext request) {
        return "allowed=" + request.getProperty(CorsProperties.ORIGIN_ALLOWED) + " policy=" + request.getProperty(CorsProperties.POLICY);
    }

    @Path("api/events")
    public static class Events {
        @GET
        public String handshake(@Context ContainerRequestContext request) {
            return decision(request);
        }

        @POST
        public String post(@Context ContainerRequestContext request) {
            Invocations.record("events.post");
            return decision(request);
        }
    }

    @Path("annotated")
    @CrossOrigin(origins = APP)
    public static class Annotated {
        @GET
        public String read(@Context ContainerRequestContext request) {
            return decision(request);
        }

        @OPTIONS
        @CrossOrigin(automaticOptions = OptBoolean.FALSE)
        public Response options(@Context ContainerRequestContext request) {
            return Response.ok(decision(request)).build();
        }
    }

    @Path("elsewhere")
    public static class Elsewhere {
        @GET
        public String read(@Context ContainerRequestContext request) {
            return decision(request);
        }
    }

    /** An audit log of the application: reads the decision after the library has answered. */
    public static class Audit implements ContainerResponseFilter {
        static final Map<String, String> SEEN = new ConcurrentHashMap<>();

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            SEEN.put(request.getMethod() + " " + request.getUriInfo().getPath() + " " + response.getStatus(), decision(request));
        }
    }

    private static final InProcess APP_WITH_RULE = new InProcess(new ResourceConfig(Events.class, Annotated.class, Elsewhere.class,
            Audit.class).register(CorsFeature.builder().origins(APP).resource("/api/.*").build()));

    @Test
    void resourceMethodReadsThatTheOriginWasAllowedAndByWhichPolicy() {
        assertThat(APP_WITH_RULE.send("GET", "api/events", "Origin", APP), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        assertThat(APP_WITH_RULE.send("GET", "api/events", "Origin", APP).body(), is("allowed=true policy=resource(\"/api/.*\")"));
        assertThat(APP_WITH_RULE.send("GET", "annotated", "Origin", APP).body(), is("allowed=true policy=DecisionPropertiesTest$Annotated#read"));
    }

    @Test
    void refusedOriginAndMissingOriginReadAsNotAllowed() {
        Reply refused = APP_WITH_RULE.send("GET", "api/events", "Origin", EVIL);
        assertThat(refused, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(refused.body(), is("allowed=false policy=resource(\"/api/.*\")"));
        assertThat(APP_WITH_RULE.send("GET", "api/events").body(), is("allowed=false policy=resource(\"/api/.*\")"));
    }

    @Test
    void uncoveredRequestCarriesNeitherProperty() {
        Reply r = APP_WITH_RULE.send("GET", "elsewhere", "Origin", APP);
        assertThat(r, allOf(hasStatus(200), hasNoCorsHeaders()));
        assertThat(r.body(), is("allowed=null policy=null"));
    }

    @Test
    void constantWildcardWithoutOriginIsNotAnAllowedOrigin() {
        InProcess app = new InProcess(new ResourceConfig(Events.class).register(CorsFeature.builder().sendWildcard(true).build()));
        assertThat(app.send("GET", "api/events"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "*")));
        assertThat(app.send("GET", "api/events").body(), is("allowed=false policy=every resource"));
        assertThat(app.send("GET", "api/events", "Origin", APP).body(), is("allowed=true policy=every resource"));
    }

    @Test
    void declaredOptionsMethodReadsThePreflightDecision() {
        Reply allowed = APP_WITH_RULE.preflight("annotated", APP, "GET");
        assertThat(allowed, allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), varyIs(PREFLIGHT_VARY)));
        assertThat(allowed.body(), is("allowed=true policy=DecisionPropertiesTest$Annotated#read"));
        Reply refused = APP_WITH_RULE.preflight("annotated", EVIL, "GET");
        assertThat(refused, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY)));
        assertThat(refused.body(), is("allowed=false policy=DecisionPropertiesTest$Annotated#read"));
    }

    @Test
    void answersOfTheLibraryCarryTheDecisionToLaterResponseFilters() {
        Invocations.reset();
        InProcess app = new InProcess(new ResourceConfig(Events.class, Audit.class)
                .register(CorsFeature.builder().origins(APP).rejectDisallowedOrigins(true).build()));
        assertThat(app.send("POST", "api/events", "Origin", EVIL), allOf(hasStatus(403), hasNoCorsHeaders(),
                varyIs("Origin")));
        assertThat(Invocations.count("events.post"), is(0));
        assertThat(Audit.SEEN.get("POST api/events 403"), is("allowed=false policy=every resource"));
        assertThat(app.preflight("api/events", APP, "POST"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs(PREFLIGHT_VARY)));
        assertThat(Audit.SEEN.get("OPTIONS api/events 200"), is("allowed=true policy=every resource"));
    }

    @Test
    void originPredicateIsAskedOncePerRequestUnderRejectDisallowedOrigins() {
        AtomicInteger asked = new AtomicInteger();
        InProcess app = new InProcess(new ResourceConfig(Events.class).register(CorsFeature.builder()
                .originPredicate(o -> asked.incrementAndGet() > 0 && o.equals(APP)).rejectDisallowedOrigins(true).build()));
        assertThat(app.send("POST", "api/events", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
        assertThat("the decision is taken before the resource and reused for the response", asked.get(), is(1));
    }
}
