package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasMaxAge;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.Reply;
import io.github.jaxrscors.test.CorsRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Preflights over real HTTP (Grizzly): the library answers them for the method that would serve
 * the announced request, whether or not the resource declares {@code @OPTIONS}, before
 * authentication filters, without invoking the resource.
 */
@Tag("http")
@ResourceLock(Invocations.LOCK)
class PreflightOverHttpTest extends JerseyTest {

    @Path("items")
    public static class Items {
        @GET
        public String list() {
            Invocations.record("list");
            return "[]";
        }

        @PUT
        @Path("{id}")
        @Consumes("application/json")
        @CrossOrigin(origins = APP, methods = {"GET", "PUT"}, allowHeaders = "Content-Type", maxAge = 600)
        public String update(@PathParam("id") String id, String body) {
            Invocations.record("update");
            return body;
        }

        @DELETE
        @Path("{id}")
        @CrossOrigin(origins = APP, methods = {"GET", "PUT"})
        public void remove(@PathParam("id") String id) {
            Invocations.record("remove");
        }

        @POST
        @Path("{id}")
        @CrossOrigin(origins = APP, methods = {"GET", "PUT"})
        public String post(@PathParam("id") String id, String body) {
            Invocations.record("post");
            return body;
        }
    }

    @Path("declared")
    public static class WithOwnOptions {
        @PUT
        @CrossOrigin(origins = APP)
        public String put(String body) {
            Invocations.record("declared.put");
            return body;
        }

        @OPTIONS
        public Response options() {
            Invocations.record("declared.options");
            return Response.ok("own options").build();
        }
    }

    @Path("manual")
    @CrossOrigin(origins = APP, automaticOptions = OptBoolean.FALSE)
    public static class ManualOptions {
        @PUT
        public String put(String body) {
            return body;
        }

        @OPTIONS
        public Response options() {
            Invocations.record("manual.options");
            return Response.ok().header("X-Own-Options", "yes").build();
        }
    }

    /** Refuses every request without a token, as an authentication filter would. */
    static final class DenyAll implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString("Authorization") == null) {
                request.abortWith(Response.status(401).build());
            }
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(Items.class, WithOwnOptions.class, ManualOptions.class)
                .register(new DenyAll(), Priorities.AUTHENTICATION)
                .register(CorsFeature.builder().annotatedOnly().build());
    }

    @BeforeEach
    void resetCounts() {
        Invocations.reset();
    }

    private Reply preflight(String path, String origin, String method, String headers) {
        var request = CorsRequests.request(target(path), origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request = request.header("Access-Control-Request-Headers", headers);
        }
        return Reply.of(request.options());
    }

    @Test
    void preflightForPutWithoutDeclaredOptionsGetsThePutMethodsPolicy() {
        Reply r = preflight("items/7", APP, "PUT", "Content-Type");
        assertThat(r, allOf(hasStatus(200),
                allowsOrigin(APP),
                hasHeader("Access-Control-Allow-Methods", "GET, PUT"),
                hasHeader("Access-Control-Allow-Headers", "content-type"),
                hasMaxAge(600),
                hasNoHeader("Access-Control-Allow-Credentials"),
                hasNoHeader("Access-Control-Allow-Private-Network"),
                varyIs(PREFLIGHT_VARY)));
        assertThat("a preflight has an empty body", r.body(), is(""));
        assertThat("the resource method never runs for a preflight", Invocations.count("update"), is(0));
    }

    @Test
    void preflightIsAnsweredBeforeAuthenticationFilters() {
        Reply r = preflight("items/7", APP, "PUT", null);
        assertThat("the authentication filter would answer 401", r, allOf(hasStatus(200),
                allowsOrigin(APP), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void preflightFromUnlistedOriginIsForbiddenWithoutCorsHeaders() {
        Reply r = preflight("items/7", EVIL, "PUT", "Content-Type");
        assertThat(r, allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
        assertThat(Invocations.count("update"), is(0));
    }

    @Test
    void preflightForMethodMissingFromMethodsIsForbidden() {
        Reply r = preflight("items/7", APP, "DELETE", null);
        assertThat("DELETE is served, but its policy lists only GET, PUT", r, allOf(hasStatus(403),
                hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY)));
        assertThat(Invocations.count("remove"), is(0));
    }

    @Test
    void preflightForPostMissingFromMethodsIsForbidden() {
        // Stricter than browsers, which send no preflight for a simple POST (a CORS-safelisted method).
        Reply r = preflight("items/7", APP, "POST", null);
        assertThat("POST is served, but its policy lists only GET, PUT", r, allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
        assertThat(Invocations.count("post"), is(0));
    }

    @Test
    void optionsWithoutAccessControlRequestMethodIsNotAPreflight() {
        Reply r = Reply.of(CorsRequests.request(target("manual"), APP).header("Authorization", "Bearer t").options());
        assertThat("the resource's OPTIONS method answers; the library treats it as an actual request", r, allOf(hasStatus(200),
                hasHeader("X-Own-Options", "yes"), allowsOrigin(APP), hasNoHeader("Access-Control-Allow-Methods"), varyIs("Origin")));
        assertThat(Invocations.count("manual.options"), is(1));
    }

    @Test
    void preflightComparesMethodsCaseSensitively() {
        Reply r = preflight("items/7", APP, "put", null);
        assertThat("no method serves \"put\": the path is not covered under annotatedOnly(), Jersey's OPTIONS answers",
                r, allOf(hasStatus(401), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void preflightAskingForUnlistedHeaderIsForbidden() {
        Reply r = preflight("items/7", APP, "PUT", "Content-Type, X-Secret");
        assertThat(r, allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void preflightForUncoveredMethodIsLeftToJersey() {
        Reply r = preflight("items", APP, "GET", null);
        assertThat("GET /items carries no @CrossOrigin under annotatedOnly()", r,
                allOf(hasStatus(401), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void preflightIsAnsweredByTheLibraryEvenWhereTheResourceDeclaresOptions() {
        Reply r = preflight("declared", APP, "PUT", null);
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP), varyIs(PREFLIGHT_VARY)));
        assertThat("the declared @OPTIONS method is bypassed", Invocations.count("declared.options"), is(0));
        assertThat(r.body(), is(""));
    }

    @Test
    void withAutomaticOptionsOffTheDeclaredOptionsMethodAnswersAndGetsTheHeaders() {
        Reply r = Reply.of(CorsRequests.request(target("manual"), APP)
                .header("Access-Control-Request-Method", "PUT").header("Authorization", "Bearer t").options());
        assertThat(r, allOf(hasStatus(200), hasHeader("X-Own-Options", "yes"),
                allowsOrigin(APP),
                hasHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"),
                varyIs(PREFLIGHT_VARY)));
        assertThat(Invocations.count("manual.options"), is(1));
    }

    @Test
    void actualRequestAfterPreflightRunsTheMethodOnceAndIsAllowed() {
        Reply r = Reply.of(CorsRequests.request(target("items/7"), APP).header("Authorization", "Bearer t")
                .put(Entity.json("{\"a\":1}")));
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP), hasNoHeader("Access-Control-Allow-Credentials"), varyIs("Origin")));
        assertThat(Invocations.count("update"), is(1));
    }
}
