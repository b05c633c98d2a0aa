package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.CorsMatchers;
import io.github.jaxrscors.support.HttpRuntime;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glassfish.jersey.server.ResourceConfig;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent first requests to sub-resource locators: Jersey builds a sub-resource's model, and the
 * library adds its policy to the table, on request threads. 32 requests released together at a
 * fresh server, eight locators returning eight differently annotated classes, each request from its
 * resource's origin or from a neighbour's: every answer carries exactly its own policy. Repeated on
 * fresh servers, on Grizzly and on Jetty 12.
 */
@Tag("http")
class SubResourceLocatorsConcurrencyTest {

    static final int THREADS = 32;
    static final int ROUNDS = 3;

    static String origin(int k) {
        return "https://s" + k + ".example.com";
    }

    @CrossOrigin(origins = "https://s0.example.com")
    public static class S0 {
        @GET
        public String get() {
            return "s0";
        }
    }

    @CrossOrigin(origins = "https://s1.example.com")
    public static class S1 {
        @GET
        public String get() {
            return "s1";
        }
    }

    @CrossOrigin(origins = "https://s2.example.com")
    public static class S2 {
        @GET
        public String get() {
            return "s2";
        }
    }

    @CrossOrigin(origins = "https://s3.example.com")
    public static class S3 {
        @GET
        public String get() {
            return "s3";
        }
    }

    @CrossOrigin(origins = "https://s4.example.com", exposeHeaders = "X-S4")
    public static class S4 {
        @GET
        public String get() {
            return "s4";
        }
    }

    @CrossOrigin(origins = "https://s5.example.com", supportsCredentials = OptBoolean.TRUE)
    public static class S5 {
        @GET
        public String get() {
            return "s5";
        }
    }

    /** The method's own annotation over the class's. */
    @CrossOrigin(origins = "https://elsewhere.example.com")
    public static class S6 {
        @GET
        @CrossOrigin(origins = "https://s6.example.com")
        public String get() {
            return "s6";
        }
    }

    /** Covered by the path rule only, no annotation. */
    public static class S7 {
        @GET
        public String get() {
            return "s7";
        }
    }

    @Path("race")
    public static class Locators {
        @Path("s0")
        public S0 s0() {
            return new S0();
        }

        @Path("s1")
        public S1 s1() {
            return new S1();
        }

        @Path("s2")
        public S2 s2() {
            return new S2();
        }

        @Path("s3")
        public S3 s3() {
            return new S3();
        }

        @Path("s4")
        public S4 s4() {
            return new S4();
        }

        @Path("s5")
        public S5 s5() {
            return new S5();
        }

        @Path("s6")
        public S6 s6() {
            return new S6();
        }

        @Path("s7")
        public S7 s7() {
            return new S7();
        }
    }

    static ResourceConfig app() {
        return new ResourceConfig(Locators.class).register(CorsFeature.builder().origins(origin(7)).resource("/race/.*").build());
    }

    /** What request {@code i} must get: its resource's policy when sent from its origin, no CORS headers from a neighbour's. */
    static Matcher<Reply> expected(int k, boolean own) {
        if (!own) {
            return allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin"));
        }
        List<Matcher<? super Reply>> all = new ArrayList<>(List.of(hasStatus(200), hasHeader("Access-Control-Allow-Origin", origin(k)),
                varyIs("Origin")));
        all.add(k == 4 ? hasHeader("Access-Control-Expose-Headers", "X-S4") : CorsMatchers.hasNoHeader("Access-Control-Expose-Headers"));
        all.add(k == 5 ? hasHeader("Access-Control-Allow-Credentials", "true")
                : CorsMatchers.hasNoHeader("Access-Control-Allow-Credentials"));
        return allOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpRuntime.class)
    void concurrentFirstRequestsToSubResourceLocatorsEachGetTheirOwnPolicyEveryTime(HttpRuntime runtime) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (HttpRuntime.Running server = runtime.start(app())) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Reply>> replies = new ArrayList<>();
                    for (int i = 0; i < THREADS; i++) {
                        int k = i % 8;
                        String from = (i / 8) % 2 == 0 ? origin(k) : origin((k + 1) % 8);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "race/s" + k)).header("Origin", from)
                                .timeout(Duration.ofSeconds(20)).build();
                        replies.add(pool.submit(() -> {
                            go.await();
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                            r.headers().map().forEach((n, v) -> h.computeIfAbsent(n, x -> new ArrayList<>()).addAll(v));
                            return new Reply(r.statusCode(), h, r.body());
                        }));
                    }
                    go.countDown();
                    for (int i = 0; i < THREADS; i++) {
                        int k = i % 8;
                        Reply reply = replies.get(i).get();
                        Matcher<Reply> expected = expected(k, (i / 8) % 2 == 0);
                        if (!expected.matches(reply) || !reply.body().equals("s" + k)) {
                            wrong.add("round " + round + ", request " + i + " to s" + k + ": " + reply);
                        }
                        checked++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat("answers checked", checked, is(THREADS * ROUNDS));
        assertThat("answers with another resource's policy, or none", wrong, is(empty()));
    }
}
