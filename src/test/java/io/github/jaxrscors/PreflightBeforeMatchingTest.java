package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preflights answered before matching: a differential test over generated preflights. The same
 * application runs twice: as it is (preflights answered before matching), and with early answering
 * switched off ({@link StartupChecks#EARLY_PREFLIGHTS}), which sends every preflight through
 * matching to the post-matching filter. Both must give the same status, the same headers and the
 * same body to every request, and the first must have taken the early path.
 */
@Tag("in-process")
class PreflightBeforeMatchingTest {

    static final String APP = "https://app.example.com";

    @Path("items")
    public static final class Items {
        @GET
        public String list() {
            return "[]";
        }

        @PUT
        public String put(String body) {
            return body;
        }

        @POST
        @Consumes("application/json")
        public String postJson(String body) {
            return body;
        }

        @POST
        @Consumes("text/plain")
        public String postText(String body) {
            return body;
        }

        @DELETE
        @Path("{id}")
        public String delete(@PathParam("id") String id) {
            return id;
        }
    }

    @Path("open/things")
    public static final class Open {
        @GET
        public String get() {
            return "open";
        }
    }

    /** A resource that declares its own {@code OPTIONS} method. */
    @Path("opts")
    public static final class DeclaredOptions {
        @GET
        public String get() {
            return "get";
        }

        @OPTIONS
        public String options() {
            return "declared";
        }
    }

    /** A user filter after matching that runs before the library's: it counts the preflights it sees. */
    static final class SeesPreflights implements ContainerRequestFilter {
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public void filter(ContainerRequestContext request) {
            if (JerseyTranslator.isPreflight(request)) {
                seen.incrementAndGet();
            }
        }
    }

    /**
     * @param waiting how many of {@link #PATHS} have their preflights reach a user filter in the
     *                application that answers before matching: one no policy covers, or whose
     *                declared {@code @OPTIONS} method is passed the preflight
     */
    record Config(String name, Supplier<CorsFeature> feature, int waiting) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                new Config("the defaults", CorsFeature::new, 0),
                new Config("listed origins, patterns, credentials, max age, private network", () -> CorsFeature.builder()
                        .origins(APP, "https://other.example.com").originPatterns("https://[a-z]+\\.example\\.org")
                        .supportsCredentials(true).maxAge(600).exposeHeaders("X-Total").allowPrivateNetwork(true)
                        .build(), 0),
                new Config("path rules with their own options", () -> CorsFeature.builder().origins(APP)
                        .resource("/items(/.*)?", CorsOptions.builder().methods("GET", "PUT").maxAge(30).build())
                        .resource("/open/.*").build(), 1),
                new Config("sendWildcard", () -> CorsFeature.builder().sendWildcard(true).build(), 0),
                new Config("listed and patterned request headers", () -> CorsFeature.builder().origins(APP)
                        .allowHeaders("Content-Type", "X-Custom").allowHeaderPatterns("x-trace-.*").build(), 0),
                new Config("a request-aware origin predicate", () -> CorsFeature.builder()
                        .originPredicate((origin, request) -> "acme".equals(request.header("X-Tenant")) && origin.endsWith(".example.com"),
                                "X-Tenant")
                        .build(), 0),
                new Config("automaticOptions off (the declared @OPTIONS method after matching)", () -> CorsFeature.builder()
                        .origins(APP).automaticOptions(false).build(), 1))
                .map(Arguments::of);
    }

    static final List<String> PATHS = List.of("items", "items/1", "items;m=1", "open/things", "opts", "nothing/here",
            "items/a%2Fb");
    static final List<String> ORIGINS = List.of(APP, "https://evil.example.net", "null", "HTTPS://APP.EXAMPLE.COM",
            "https://x.example.org");
    static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "get", "BAD METHOD");
    static final List<String> REQUEST_HEADERS = List.of("", "content-type", "X-Custom, content-type", "x-trace-id",
            "bad header(");

    static ResourceConfig app(Config config, SeesPreflights filter, boolean early) {
        return new ResourceConfig(Items.class, Open.class, DeclaredOptions.class).register(config.feature().get())
                .register(filter, Priorities.AUTHENTICATION - 300).property(StartupChecks.EARLY_PREFLIGHTS, early);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void preflightAnsweredBeforeMatchingIsTheAnswerAfterMatchingByteForByte(Config config) {
        SeesPreflights earlyFilter = new SeesPreflights();
        SeesPreflights lateFilter = new SeesPreflights();
        InProcess early = new InProcess(app(config, earlyFilter, true));
        InProcess late = new InProcess(app(config, lateFilter, false));
        int sent = 0;
        List<String> differences = new ArrayList<>();
        for (String path : PATHS) {
            for (String origin : ORIGINS) {
                for (String method : METHODS) {
                    for (String requestHeaders : REQUEST_HEADERS) {
                        for (String privateNetwork : new String[] {null, "true"}) {
                            List<String> headers = new ArrayList<>(List.of("X-Tenant", sent % 2 == 0 ? "acme" : "other"));
                            if (!requestHeaders.isEmpty()) {
                                headers.addAll(List.of("Access-Control-Request-Headers", requestHeaders));
                            }
                            if (privateNetwork != null) {
                                headers.addAll(List.of("Access-Control-Request-Private-Network", privateNetwork));
                            }
                            String[] more = headers.toArray(String[]::new);
                            Reply a = early.preflight(path, origin, method, more);
                            Reply b = late.preflight(path, origin, method, more);
                            sent++;
                            if (!a.equals(b) && differences.size() < 10) {
                                differences.add("OPTIONS /" + path + " " + origin + " " + method + " " + headers
                                        + ":\n  before matching " + a + "\n  after matching  " + b);
                            }
                        }
                    }
                }
            }
        }
        assertThat(String.join("\n", differences), differences.isEmpty(), is(true));
        // A path no resource serves never reaches a filter after matching (Jersey's 404 comes first).
        int routed = sent - sent / PATHS.size();
        assertThat("every routed preflight went through matching with early answering off", lateFilter.seen.get(), is(routed));
        assertThat("routed preflights that reached a user filter with early answering on", earlyFilter.seen.get(),
                is(config.waiting() * sent / PATHS.size()));
    }

    /** A class the library has not seen at startup may come in through a locator: preflights under it wait for matching. */
    @Path("root")
    public static final class WithLocator {
        @Path("sub")
        public Items sub() {
            return new Items();
        }

        @GET
        public String get() {
            return "root";
        }
    }

    @Test
    void preflightUnderASubResourceLocatorIsAnsweredAfterMatchingAndEveryOtherBefore() {
        SeesPreflights filter = new SeesPreflights();
        InProcess app = new InProcess(new ResourceConfig(WithLocator.class).register(new CorsFeature())
                .register(filter, Priorities.AUTHENTICATION - 300));
        for (String path : List.of("root", "root/sub", "root/sub/1")) {
            Reply reply = app.preflight(path, APP, path.equals("root/sub/1") ? "DELETE" : "GET");
            assertThat(path, reply.status(), is(200));
            assertThat(path, reply.header("Access-Control-Allow-Origin"), is(APP));
            assertThat(path, reply.header("Vary"), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        }
        assertThat("preflights that reached the user's filter (those under the locator)", filter.seen.get(), is(2));
    }

    @Path("annotated")
    public static final class Annotated {
        @GET
        @CrossOrigin(exposeHeaders = "X-Total", origins = "https://annotated.example.com")
        public String get() {
            return "annotated";
        }
    }

    @Test
    void applicationWithAnAnnotatedMethodAnswersEveryPreflightBeforeMatchingWithTheMethodsPolicy() {
        SeesPreflights filter = new SeesPreflights();
        InProcess app = new InProcess(new ResourceConfig(Items.class, Annotated.class)
                .register(CorsFeature.builder().origins(APP).build()).register(filter, Priorities.AUTHENTICATION - 300));
        Reply reply = app.preflight("items", APP, "PUT");
        assertThat(reply.status(), is(200));
        assertThat(reply.header("Access-Control-Allow-Origin"), is(APP));
        assertThat(reply.header("Vary"), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        Reply annotated = app.preflight("annotated", "https://annotated.example.com", "GET");
        assertThat(annotated.status(), is(200));
        assertThat(annotated.header("Access-Control-Allow-Origin"), is("https://annotated.example.com"));
        assertThat(annotated.header("Vary"), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        Reply refused = app.preflight("annotated", APP, "GET");
        assertThat(refused.status(), is(403));
        assertThat(refused.header("Access-Control-Allow-Origin"), is((String) null));
        assertThat(refused.header("Vary"), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        assertThat("preflights that reached the user's filter", filter.seen.get(), is(0));
    }
}
