package io.github.jaxrscors;

import static io.github.jaxrscors.CorsMatchers.hasHeader;
import static io.github.jaxrscors.CorsMatchers.hasNoAccessControlHeaders;
import static io.github.jaxrscors.CorsMatchers.hasNoVary;
import static io.github.jaxrscors.CorsMatchers.hasStatus;
import static io.github.jaxrscors.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Test;

/**
 * Error responses over real HTTP carry the CORS headers of covered requests while
 * interceptExceptions is on: exception-mapper output, {@code WebApplicationException}, 404 and 405
 * inside a covered rule, and the container's 500 for an unmapped exception — while an uncovered
 * request's 500 stays exactly what the container answers without the library.
 */
class ErrorResponsesOverHttpTest extends JerseyTest {

    static final String APP = "https://app.example.com";

    /** Thrown by a resource; mapped to 409. */
    static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static final class ConflictMapper implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Response.status(409).entity("conflict").build();
        }
    }

    @Path("api")
    public static class Api {
        @GET
        @Path("mapped")
        public String mapped() {
            throw new ConflictException();
        }

        @GET
        @Path("missing")
        public String missing() {
            throw new NotFoundException();
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }
    }

    @Path("other")
    public static class Other {
        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }
    }

    static ResourceConfig app(boolean withCors) {
        ResourceConfig config = new ResourceConfig(Api.class, Other.class).register(new ConflictMapper());
        return withCors ? config.register(CorsFeature.builder().origins(APP).resource("/api(/.*)?").build()) : config;
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return app(true);
    }

    private Reply get(String path) {
        return Reply.of(target(path).request().header("Origin", APP).get());
    }

    @Test
    void exceptionMapperOutputCarriesTheHeaders() {
        assertThat(get("api/mapped"), allOf(hasStatus(409), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void webApplicationExceptionCarriesTheHeaders() {
        assertThat(get("api/missing"), allOf(hasStatus(404), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void notFoundInsideACoveredRuleCarriesTheHeaders() {
        assertThat(get("api/no/such/thing"), allOf(hasStatus(404), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
    }

    @Test
    void methodNotAllowedInsideACoveredRuleCarriesTheHeaders() {
        Reply r = Reply.of(target("api/mapped").request().header("Origin", APP).delete());
        assertThat(r, allOf(hasStatus(405), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void preflightToAnUnroutedPathInsideACoveredRuleIsAnswered() {
        Reply r = Reply.of(target("api/no/such/thing").request().header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT").options());
        assertThat("the announced request then gets its 404 with headers, readable by the script", r, allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
    }

    @Test
    void unmappedExceptionFiveHundredCarriesTheHeaders() {
        assertThat(get("api/boom"), allOf(hasStatus(500), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void notFoundOutsideEveryRuleIsLeftAlone() {
        assertThat(get("elsewhere"), allOf(hasStatus(404), hasNoAccessControlHeaders(), hasNoVary()));
    }

    private static java.util.List<String> names(java.util.Set<String> headers) {
        return headers.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).filter(h -> !h.equals("date")).sorted().toList();
    }

    @Test
    void uncoveredUnmappedExceptionFiveHundredIsExactlyWhatTheContainerAnswersWithoutTheLibrary() throws Exception {
        Reply with = get("other/boom");
        HttpServer plain = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:0/"), app(false));
        try {
            int port = plain.getListener("grizzly").getPort();
            Reply without = Reply.of(client().target("http://localhost:" + port).path("other/boom").request()
                    .header("Origin", APP).get());
            assertThat(with, allOf(hasStatus(500), hasNoAccessControlHeaders(), hasNoVary()));
            assertThat("same status", with.status(), is(without.status()));
            assertThat("same body", with.body(), is(without.body()));
            assertThat("same header names", names(with.headers().keySet()), is(names(without.headers().keySet())));
        } finally {
            plain.shutdownNow();
        }
    }
}
