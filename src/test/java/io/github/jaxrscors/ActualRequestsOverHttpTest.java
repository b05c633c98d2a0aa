package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsCredentials;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.ADMIN;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.Reply;
import io.github.jaxrscors.test.CorsRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Actual (non-preflight) requests over real HTTP: the origin echoed or refused, credentials,
 * exposed headers, and {@code Vary} on every covered response, merged with the resource's own.
 */
@Tag("http")
@ResourceLock(Invocations.LOCK)
class ActualRequestsOverHttpTest extends JerseyTest {

    static final String LEGACY = "https://legacy.example.com";

    @Path("things")
    public static class Things {
        @GET
        public Response list() {
            return Response.ok("[]").header("X-Total", "0").build();
        }

        @POST
        public String create(String body) {
            Invocations.record("create");
            return body;
        }

        @GET
        @Path("vary")
        public Response varyOnEncoding() {
            return Response.ok("x").header("Vary", "Accept-Encoding").build();
        }

        @GET
        @Path("vary-origin")
        public Response varyOnOriginAlready() {
            return Response.ok("x").header("Vary", "origin").build();
        }

        @GET
        @Path("vary-star")
        public Response varyOnEverything() {
            return Response.ok("x").header("Vary", "*").build();
        }

        @GET
        @Path("own")
        public Response ownAllowOrigin() {
            return Response.ok("own").header("Access-Control-Allow-Origin", LEGACY).build();
        }

        @GET
        @Path("redirect")
        public Response redirect() {
            return Response.seeOther(URI.create("/things")).build();
        }
    }

    @Path("anyone")
    @CrossOrigin(origins = "*", sendWildcard = OptBoolean.TRUE, exposeHeaders = "X-Total")
    public static class Anyone {
        @GET
        public String get() {
            return "anyone";
        }
    }

    @Path("admin")
    @CrossOrigin(origins = ADMIN, supportsCredentials = OptBoolean.TRUE, exposeHeaders = "X-Total")
    public static class Admin {
        @GET
        public Response list() {
            return Response.ok("[]").header("X-Total", "0").build();
        }
    }

    @Path("sandboxed")
    @CrossOrigin(origins = {"null", APP})
    public static class Sandboxed {
        @GET
        public String get() {
            return "sandboxed";
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(Things.class, Admin.class, Sandboxed.class, Anyone.class).register(CorsFeature.builder().origins(APP).build());
    }

    private Reply get(String path, String origin) {
        return Reply.of(origin == null ? target(path).request().get() : CorsRequests.get(target(path), origin));
    }

    @Test
    void allowedOriginIsEchoedWithVaryOrigin() {
        assertThat(get("things", APP), allOf(hasStatus(200), allowsOrigin(APP),
                hasNoHeader("Access-Control-Allow-Credentials"), hasNoHeader("Access-Control-Expose-Headers"),
                hasNoHeader("Access-Control-Allow-Methods"), varyIs("Origin")));
    }

    @Test
    void disallowedOriginProceedsWithoutCorsHeadersButWithVary() {
        Invocations.reset();
        Reply listed = Reply.of(CorsRequests.actual(target("things"), APP, "POST", Entity.text("x")));
        assertThat("the same request from a listed origin is allowed", listed,
                allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        Reply r = Reply.of(CorsRequests.actual(target("things"), EVIL, "POST", Entity.text("x")));
        assertThat(r, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("without rejectDisallowedOrigins the request proceeds", Invocations.count("create"), is(2));
    }

    @Test
    void requestWithoutOriginGetsVaryOriginAndNoCorsHeaders() {
        assertThat("a shared cache must not serve this answer to a CORS request", get("things", null),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void varySetByTheResourceIsMergedWithoutDuplicates() {
        assertThat(get("things/vary", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Accept-Encoding", "Origin")));
        assertThat(get("things/vary-origin", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("origin")));
    }

    @Test
    void varyStarIsLeftAlone() {
        assertThat(get("things/vary-star", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("*")));
    }

    @Test
    void classAnnotationGivesCredentialsAndExposedHeadersToItsOrigin() {
        assertThat(get("admin", ADMIN), allOf(hasStatus(200), allowsOrigin(ADMIN),
                allowsCredentials(), hasHeader("Access-Control-Expose-Headers", "X-Total"), varyIs("Origin")));
    }

    @Test
    void classAnnotationOriginsReplaceTheFeatureOrigins() {
        assertThat("the class's own origin is allowed", get("admin", ADMIN), allOf(hasStatus(200), allowsOrigin(ADMIN)));
        assertThat("lists never merge across layers", get("admin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void nullOriginIsRefusedUnlessListed() {
        assertThat("listed: echoed", get("sandboxed", "null"), allOf(hasStatus(200), allowsOrigin("null"), varyIs("Origin")));
        assertThat("the same resource, another origin", get("sandboxed", EVIL),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("not listed: refused", get("things", "null"), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void headRequestIsCoveredLikeGet() {
        Reply r = Reply.of(CorsRequests.actual(target("things"), APP, "HEAD"));
        assertThat(r, allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
    }

    @Test
    void allowOriginSetByTheResourceIsReplacedForAnAllowedOriginAndKeptOtherwise() {
        assertThat(get("things/own", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat("the resource's own header is the application's choice", get("things/own", LEGACY),
                allOf(hasStatus(200), allowsOrigin(LEGACY), varyIs("Origin")));
    }

    @Test
    void redirectToACorsRequestCarriesTheHeaders() {
        Reply r = Reply.of(CorsRequests.get(target("things/redirect").property(ClientProperties.FOLLOW_REDIRECTS, false), APP));
        assertThat("the browser runs the CORS check on the 3xx before following it", r,
                allOf(hasStatus(303), allowsOrigin(APP), varyIs("Origin")));
        Reply refused = Reply.of(CorsRequests.get(target("things/redirect").property(ClientProperties.FOLLOW_REDIRECTS, false), EVIL));
        assertThat("the same redirect to an unlisted origin", refused, allOf(hasStatus(303), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void constantWildcardAnswerGoesOnEveryResponseWithoutVary() {
        assertThat("with Origin", get("anyone", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "*"),
                hasHeader("Access-Control-Expose-Headers", "X-Total"), hasNoHeader("Vary")));
        assertThat("without Origin: the same constant answer, safe for a shared cache", get("anyone", null), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", "*"), hasHeader("Access-Control-Expose-Headers", "X-Total"), hasNoHeader("Vary")));
    }

    @Test
    void constantWildcardAnswersTheNullOriginToo() {
        assertThat(get("anyone", "null"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "*"),
                hasHeader("Access-Control-Expose-Headers", "X-Total"), hasNoHeader("Access-Control-Allow-Credentials"), hasNoHeader("Vary")));
    }
}
