package io.github.jaxrscors;

import static io.github.jaxrscors.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.CorsMatchers.allowsAnyOrigin;
import static io.github.jaxrscors.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.CorsMatchers.hasHeader;
import static io.github.jaxrscors.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.CorsMatchers.hasStatus;
import static io.github.jaxrscors.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.CorsMatchers.varyIs;
import static io.github.jaxrscors.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fetch-standard edge cases of docs/conformance.md, in process. */
@Tag("in-process")
class ConformanceEdgesTest {

    @Path("e")
    public static class Edges {
        @GET
        public String get() {
            return "g";
        }

        @PUT
        public String put(String body) {
            return "p";
        }

        @POST
        @CrossOrigin(methods = {"GET", "PUT"})
        public String post(String body) {
            return "post";
        }

        @GET
        @Path("own")
        public Response ownHeader() {
            return Response.ok("own").header("Access-Control-Allow-Origin", "https://legacy.example.com").build();
        }

        @GET
        @Path("redirect")
        public Response redirect() {
            return Response.seeOther(URI.create("/e")).build();
        }
    }

    private static final InProcess LISTED = new InProcess(new ResourceConfig(Edges.class)
            .register(CorsFeature.builder().origins(APP).methods("GET", "PUT").build()));
    private static final InProcess STAR = new InProcess(new ResourceConfig(Edges.class)
            .register(CorsFeature.builder().sendWildcard(true).exposeHeaders("X-Total").build()));

    @Test
    void optionsWithoutAccessControlRequestMethodIsNotAPreflight() {
        Reply r = LISTED.send("OPTIONS", "e", "Origin", APP);
        assertThat("Jersey's own OPTIONS answers; the library treats it as an actual request", r,
                allOf(hasStatus(200), allowsOrigin(APP), hasNoHeader("Access-Control-Allow-Methods"), varyIs("Origin")));
    }

    @Test
    void preflightForPostMissingFromMethodsIsRefused() {
        assertThat("stricter than browsers, which do not need POST listed", LISTED.preflight("e", APP, "POST"),
                allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void preflightAnswerListsTheConfiguredMethodsWhateverMethodWasAnnounced() {
        assertThat(LISTED.preflight("e", APP, "PUT"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Methods", "GET, PUT"), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void allowOriginSetByTheResourceIsReplacedForAnAllowedOriginAndKeptOtherwise() {
        assertThat(LISTED.send("GET", "e/own", "Origin", APP), allOf(hasStatus(200),
                allowsOrigin(APP), varyIs("Origin")));
        assertThat("the resource's own header is the application's choice", LISTED.send("GET", "e/own", "Origin",
                "https://legacy.example.com"), allOf(hasStatus(200),
                allowsOrigin("https://legacy.example.com"), varyIs("Origin")));
    }

    @Test
    void redirectToACorsRequestCarriesTheHeaders() {
        assertThat("the browser runs the CORS check on the 3xx before following it", LISTED.send("GET", "e/redirect", "Origin", APP),
                allOf(hasStatus(303), allowsOrigin(APP), varyIs("Origin")));
    }

    @Test
    void constantWildcardAnswerGoesOnEveryResponseWithoutVary() {
        assertThat("with Origin", STAR.send("GET", "e", "Origin", APP), allOf(hasStatus(200),
                allowsAnyOrigin(), hasHeader("Access-Control-Expose-Headers", "X-Total"), hasNoHeader("Vary")));
        assertThat("without Origin: the same constant answer, safe for a shared cache", STAR.send("GET", "e"), allOf(hasStatus(200),
                allowsAnyOrigin(), hasHeader("Access-Control-Expose-Headers", "X-Total"), hasNoHeader("Vary")));
    }

    @Test
    void constantWildcardAnswersTheNullOriginToo() {
        assertThat(STAR.send("GET", "e", "Origin", "null"), allOf(hasStatus(200),
                allowsAnyOrigin(), hasNoHeader("Access-Control-Allow-Credentials"), hasNoHeader("Vary")));
    }
}
