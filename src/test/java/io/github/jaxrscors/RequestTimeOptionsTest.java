package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: the options decided per request (originPredicate, rejectDisallowedOrigins,
 * interceptExceptions) and the DEBUG log of each decision, with request values escaped.
 */
@Tag("in-process")
@Isolated
class RequestTimeOptionsTest {

    @Path("orders")
    public static class Orders {
        @POST
        public String create(String body) {
            Invocations.record("orders.create");
            return "created";
        }

        @GET
        @Path("missing")
        public String missing() {
            throw new NotFoundException();
        }
    }

    @Test
    void originPredicateIsAskedOnEveryRequestAndNeverCached() {
        Set<String> allowed = ConcurrentHashMap.newKeySet();
        AtomicInteger asked = new AtomicInteger();
        InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder()
                .originPredicate(o -> {
                    asked.incrementAndGet();
                    return allowed.contains(o);
                }).build()));
        assertThat("not yet allowed", app.send("POST", "orders", "Origin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        allowed.add(APP);
        assertThat("allowed from now on", app.send("POST", "orders", "Origin", APP),
                allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        allowed.clear();
        assertThat("and refused again", app.send("POST", "orders", "Origin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(asked.get(), is(3));
    }

    @Test
    void originPredicateAddsUpWithListedOrigins() {
        InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder()
                .origins("https://listed.example.com").originPredicate(o -> o.endsWith(".partner.example")).build()));
        assertThat(app.send("POST", "orders", "Origin", "https://listed.example.com"),
                allowsOrigin("https://listed.example.com"));
        assertThat(app.send("POST", "orders", "Origin", "https://a.partner.example"),
                allowsOrigin("https://a.partner.example"));
        assertThat(app.send("POST", "orders", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders()));
    }

    @Test
    void requestAwarePredicateSeesTheRoutedPathTheMethodAndTheDeclaredHeaders() {
        List<String> seen = new CopyOnWriteArrayList<>();
        InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder()
                .originPredicate((origin, request) -> seen.add(request.method() + " " + request.path() + " " + request.header("x-tenant")),
                        "X-Tenant").build()));
        assertThat(app.send("POST", "orders;v=1", "Origin", APP, "X-Tenant", "acme"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin", "X-Tenant")));
        assertThat(app.preflight("orders", APP, "POST", "X-Tenant", "acme"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "X-Tenant")));
        assertThat("the path as rules see it (matrix parameters removed); a preflight's announced method", seen,
                is(List.of("POST /orders acme", "POST /orders acme")));
    }

    @Test
    void requestAwarePredicateThatThrowsRefusesTheOriginAndNeverAnswers500() {
        InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder()
                .originPredicate((origin, request) -> {
                    throw new IllegalStateException("tenant store unavailable");
                }, "X-Tenant").build()));
        assertThat(app.send("POST", "orders", "Origin", APP, "X-Tenant", "acme"),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin", "X-Tenant")));
        assertThat(app.preflight("orders", APP, "POST"), allOf(hasStatus(403), hasNoCorsHeaders(),
                varyIs("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers", "X-Tenant")));
    }

    @Test
    void errorResponsesVaryOnThePredicatesHeadersToo() {
        InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder()
                .originPredicate((origin, request) -> "acme".equals(request.header("X-Tenant")), "X-Tenant").build()));
        assertThat(app.send("GET", "orders/missing", "Origin", APP, "X-Tenant", "acme"), allOf(hasStatus(404),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin", "X-Tenant")));
        assertThat(app.send("GET", "orders/missing"), allOf(hasStatus(404), hasNoCorsHeaders(), varyIs("Origin", "X-Tenant")));
    }

    @Test
    void rejectDisallowedOriginsRefusesBeforeTheResourceRuns() {
        Invocations.reset();
        InProcess app = new InProcess(new ResourceConfig(Orders.class)
                .register(CorsFeature.builder().origins(APP).rejectDisallowedOrigins(true).build()));
        assertThat(app.send("POST", "orders", "Origin", EVIL), allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("the resource never ran", Invocations.count("orders.create"), is(0));
        assertThat(app.send("POST", "orders", "Origin", APP),
                allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat("a same-origin request always proceeds", app.send("POST", "orders", "Origin", "http://api.example.com"),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("a request without Origin proceeds", app.send("POST", "orders"),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(Invocations.count("orders.create"), is(3));
    }

    @Test
    void withInterceptExceptionsOffErrorResponsesCarryNoCorsHeaders() {
        InProcess off = new InProcess(new ResourceConfig(Orders.class)
                .register(CorsFeature.builder().origins(APP).interceptExceptions(false).build()));
        Reply r = off.send("GET", "orders/missing", "Origin", APP);
        assertThat(r, allOf(hasStatus(404), hasNoCorsHeaders()));
        assertThat("no Vary either", r.headers().containsKey("Vary"), is(false));
        InProcess on = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder().origins(APP).build()));
        assertThat(on.send("GET", "orders/missing", "Origin", APP),
                allOf(hasStatus(404), allowsOrigin(APP), varyIs("Origin")));
    }

    @Test
    void decisionsAreLoggedAtDebugWithRequestValuesEscapedAndCut() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = new InProcess(new ResourceConfig(Orders.class).register(CorsFeature.builder().origins(APP).build()));
            String hostile = "https://evil.example\r\nINFO: forged record" + "x".repeat(5000);
            app.send("POST", "orders", "Origin", hostile);
            List<LogRecord> records = log.records();
            List<String> messages = records.stream().map(LogRecord::getMessage).toList();
            assertThat("startup logs the effective policy", messages, hasItem(containsString("effective policy of every resource")));
            String decision = messages.stream().filter(m -> m.startsWith("POST ")).findFirst().orElseThrow();
            assertThat(decision, containsString("\"https://evil.example\\u000d\\u000aINFO: forged record"));
            assertThat("the reason names the defect", decision, containsString("DENIED, origin is malformed (longer than 512 characters)"));
            assertThat("cut to a bounded length", decision.length() < 1000, is(true));
            assertThat("no raw CR or LF in any record", messages, everyItem(not(containsString("\n"))));
            assertThat(records.stream().filter(r -> r.getMessage().startsWith("POST ")).findFirst().orElseThrow().getLevel(),
                    is(Level.FINE));
        }
    }
}
