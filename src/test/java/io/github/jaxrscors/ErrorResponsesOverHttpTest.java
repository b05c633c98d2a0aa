package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.ConflictException;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import io.github.jaxrscors.test.CorsRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Error responses over real HTTP carry the CORS headers of covered requests while
 * interceptExceptions is on: exception-mapper output, {@code WebApplicationException}, 404 and 405
 * inside a covered rule, and the container's 500 for an unmapped exception — while an uncovered
 * request's 500 stays exactly what the container answers without the library.
 */
@Tag("http")
@Isolated
class ErrorResponsesOverHttpTest extends JerseyTest {

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
        ResourceConfig config = new ResourceConfig(Api.class, Other.class).register(new ConflictException.Mapper());
        return withCors ? config.register(CorsFeature.builder().origins(APP).resource("/api(/.*)?").build()) : config;
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return app(true);
    }

    private Reply get(String path) {
        return Reply.of(CorsRequests.request(target(path), APP).get());
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
        Reply r = Reply.of(CorsRequests.request(target("api/mapped"), APP).delete());
        assertThat(r, allOf(hasStatus(405), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void preflightToAnUnroutedPathInsideACoveredRuleIsAnswered() {
        Reply r = Reply.of(CorsRequests.request(target("api/no/such/thing"), APP)
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
        assertThat(get("elsewhere"), allOf(hasStatus(404), hasNoCorsHeaders(), hasNoHeader("Vary")));
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
            Reply without = Reply.of(CorsRequests.get(client().target("http://localhost:" + port).path("other/boom"), APP));
            assertThat(with, allOf(hasStatus(500), hasNoCorsHeaders(), hasNoHeader("Vary")));
            assertThat("same status", with.status(), is(without.status()));
            assertThat("same body", with.body(), is(without.body()));
            assertThat("same header names", names(with.headers().keySet()), is(names(without.headers().keySet())));
        } finally {
            plain.shutdownNow();
        }
    }

    /**
     * The loggers that recorded the exception named {@code message} while {@code request} ran, one
     * entry per record, waiting up to 5 s for {@code expected} of them: the library's 500 reaches
     * the client before the server thread goes on to log.
     */
    private static java.util.List<String> loggersOfThe(String message, int expected, Runnable request) throws InterruptedException {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        java.util.function.Supplier<java.util.List<String>> matching = () -> records.stream()
                .filter(r -> r.getThrown() != null && message.equals(rootCause(r.getThrown()).getMessage()))
                .map(r -> r.getLoggerName() + " " + r.getLevel()).sorted().toList();
        try {
            request.run();
            for (long end = System.nanoTime() + 5_000_000_000L; matching.get().size() < expected && System.nanoTime() < end;) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
        } finally {
            root.removeHandler(handler);
        }
        return matching.get();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void coveredUnmappedExceptionIsLoggedAsWithoutTheLibrary() throws Exception {
        HttpServer plain = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:0/"), app(false));
        try {
            int port = plain.getListener("grizzly").getPort();
            java.util.List<String> without = loggersOfThe("boom", 1, () -> Reply.of(CorsRequests.get(client().target("http://localhost:" + port)
                    .path("api/boom"), APP)));
            assertThat("the exception is logged without the library", without.isEmpty(), is(false));
            java.util.List<String> with = loggersOfThe("boom", without.size(), () -> get("api/boom"));
            assertThat("the same loggers record the exception, as often, with the library as without", with, is(without));
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void theDecisionOnAnUnmappedExceptionIsLoggedOnce() {
        java.util.List<String> decisions;
        try (LogCapture log = new LogCapture()) {
            get("api/boom");
            decisions = log.messages(java.util.logging.Level.FINE).stream().filter(m -> m.startsWith("GET \"/api/boom\"")).toList();
        }
        assertThat(decisions, is(java.util.List.of("GET \"/api/boom\" from Origin \"" + APP + "\": ALLOWED, origin allowed by "
                + "resource(\"/api(/.*)?\")")));
    }
}
