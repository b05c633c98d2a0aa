package io.github.jaxrscors;

import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.CorsDecision.Outcome;
import io.github.jaxrscors.support.LogCapture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's side of the request-aware origin predicate: what it sees, which headers join
 * {@code Vary}, and that reading an undeclared header or throwing refuses the origin.
 */
@Tag("unit")
@Isolated
class RequestAwareOriginTest {

    static final String OTHER = "https://other.example.com";
    static final String VARY_ACTUAL = "Origin, X-Tenant";
    static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, X-Tenant";

    /** A request as a test builds it: method, path and headers (names case-insensitive). */
    record View(String method, String path, Map<String, String> headers) implements CorsRequestView {
        static View of(String method, String path, String... nameValues) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < nameValues.length; i += 2) {
                headers.put(nameValues[i], nameValues[i + 1]);
            }
            return new View(method, path, headers);
        }

        @Override
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Tenant "acme" may be read from APP: the multi-tenant case of the issue. */
    static final BiPredicate<String, CorsRequestView> BY_TENANT = (origin, request) ->
            "acme".equals(request.header("x-tenant")) && origin.equals(APP);

    static CorsPolicy policy(CorsOptions options) {
        return PolicyResolver.resolve("T", List.of(new Layer(options, "test")));
    }

    static final CorsPolicy TENANTS = policy(CorsOptions.builder().originPredicate(BY_TENANT, "X-Tenant").build());

    static Stream<Arguments> actualRequests() {
        return Stream.of(
                Arguments.of("tenant and origin match", APP, "acme", Outcome.ALLOWED, APP),
                Arguments.of("another tenant", APP, "globex", Outcome.WITHOUT_HEADERS, null),
                Arguments.of("no tenant header", APP, null, Outcome.WITHOUT_HEADERS, null),
                Arguments.of("another origin", OTHER, "acme", Outcome.WITHOUT_HEADERS, null),
                Arguments.of("no Origin", null, "acme", Outcome.WITHOUT_HEADERS, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actualRequests")
    void actualRequestVariesOnTheDeclaredHeaderWhateverTheOutcome(String name, String origin, String tenant, Outcome outcome,
            String allowOrigin) {
        View view = tenant == null ? View.of("GET", "/orders") : View.of("GET", "/orders", "X-Tenant", tenant);
        CorsDecision d = CorsProcessor.actual(TENANTS, origin, ServerOrigin.REQUEST_ONLY, null, view);
        assertThat(name, d.outcome(), is(outcome));
        assertThat(name, d.allowOrigin(), is(allowOrigin));
        assertThat(name + ": Vary names the header the decision read", d.vary(), is(VARY_ACTUAL));
    }

    static Stream<Arguments> preflights() {
        return Stream.of(
                Arguments.of("tenant and origin match", APP, "acme", Outcome.ALLOWED, APP),
                Arguments.of("another tenant", APP, "globex", Outcome.FORBIDDEN, null),
                Arguments.of("another origin", OTHER, "acme", Outcome.FORBIDDEN, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preflights")
    void preflightVariesOnTheDeclaredHeaderWhateverTheOutcome(String name, String origin, String tenant, Outcome outcome,
            String allowOrigin) {
        CorsDecision d = CorsProcessor.preflight(List.of(TENANTS), origin, "PUT", null, null,
                View.of("PUT", "/orders", "X-Tenant", tenant));
        assertThat(name, d.outcome(), is(outcome));
        assertThat(name, d.allowOrigin(), is(allowOrigin));
        assertThat(name, d.vary(), is(VARY_PREFLIGHT));
    }

    @Test
    void predicateSeesTheAnnouncedMethodOnAPreflightAndThePathAndDeclaredHeaders() {
        AtomicReference<String> seen = new AtomicReference<>();
        CorsPolicy p = policy(CorsOptions.builder().originPredicate((origin, request) -> {
            seen.set(origin + " " + request.method() + " " + request.path() + " " + request.header("HOST"));
            return true;
        }, "Host").build());
        CorsProcessor.preflight(List.of(p), APP, "DELETE", null, null, View.of("DELETE", "/orders/7", "Host", "acme.api.example"));
        assertThat(seen.get(), is(APP + " DELETE /orders/7 acme.api.example"));
        CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/orders", "host", "globex.api.example"));
        assertThat("names are case-insensitive", seen.get(), is(APP + " GET /orders globex.api.example"));
    }

    @Test
    void readingAnUndeclaredHeaderRefusesTheOriginAndTheWarningNamesIt() {
        CorsPolicy p = policy(CorsOptions.builder().originPredicate((origin, request) -> request.header("X-Undeclared") == null,
                "X-Tenant").build());
        try (LogCapture log = new LogCapture()) {
            CorsDecision d = CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/orders"));
            assertThat(d.outcome(), is(Outcome.WITHOUT_HEADERS));
            assertThat(d.allowOrigin(), is(nullValue()));
            List<String> warnings = log.messages(Level.WARNING);
            assertThat(warnings, hasSize(1));
            assertThat(warnings.get(0), allOf(containsString("X-Undeclared"), containsString("did not declare"),
                    containsString("the origin is refused")));
        }
    }

    @Test
    void originIsReadableWithoutBeingDeclared() {
        CorsPolicy p = policy(CorsOptions.builder().originPredicate((origin, request) -> origin.equals(request.header("Origin")))
                .build());
        CorsDecision d = CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/", "Origin", APP));
        assertThat(d.allowOrigin(), is(APP));
        assertThat("no header declared: Vary as for any origin decision", d.vary(), is("Origin"));
    }

    @Test
    void exceptionIsARefusalLoggedAtWarningOnceThenAtDebug() {
        AtomicInteger asked = new AtomicInteger();
        CorsPolicy p = policy(CorsOptions.builder().originPredicate((origin, request) -> {
            asked.incrementAndGet();
            throw new IllegalStateException("tenant database down\r\nINFO: forged");
        }, "X-Tenant").build());
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                CorsDecision d = CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/orders", "X-Tenant", "acme"));
                assertThat("a refusal, never an error", d.outcome(), is(Outcome.WITHOUT_HEADERS));
                assertThat(d.vary(), is(VARY_ACTUAL));
            }
            assertThat(asked.get(), is(3));
            List<String> warnings = log.messages(Level.WARNING);
            assertThat("logged at WARNING once", warnings, hasSize(1));
            assertThat(warnings.get(0), allOf(containsString("tenant database down\\u000d\\u000aINFO: forged"),
                    containsString("the origin is refused")));
            assertThat("the later ones at DEBUG", log.messages(Level.FINE).stream()
                    .filter(m -> m.contains("tenant database down")).count(), is(3L));
        }
    }

    @Test
    void predicateIsNeverAskedAboutNullOrMalformedOrigins() {
        AtomicInteger asked = new AtomicInteger();
        CorsPolicy p = policy(CorsOptions.builder().originPredicate((origin, request) -> asked.incrementAndGet() > 0, "X-Tenant")
                .build());
        for (String origin : new String[] {"null", "https://APP.example.com", "https://app.example.com/path", APP + "," + OTHER}) {
            assertThat(origin, CorsProcessor.actual(p, origin, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/")).outcome(),
                    is(Outcome.WITHOUT_HEADERS));
        }
        assertThat(asked.get(), is(0));
    }

    @Test
    void anOriginOnlyPredicateReadsNoRequestAndAddsOnlyOrigin() {
        CorsPolicy p = policy(CorsOptions.builder().originPredicate(APP::equals).build());
        assertThat(p.origins().readsRequest(), is(false));
        assertThat(CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, null).vary(), is("Origin"));
        assertThat(Decisions.preflight(List.of(p), APP, "GET", null, null).vary(),
                is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        assertThat(TENANTS.origins().readsRequest(), is(true));
    }

    @Test
    void declaredNamesAreDeduplicatedCaseInsensitivelyAndOriginIsLeftOut() {
        CorsPolicy p = policy(CorsOptions.builder().originPredicate(BY_TENANT, "X-Tenant", "origin", "x-tenant", "Host").build());
        assertThat(p.varyActual(), is("Origin, X-Tenant, Host"));
        assertThat(p.varyPreflight(), is("Origin, Access-Control-Request-Method, Access-Control-Request-Headers, X-Tenant, Host"));
    }

    @Test
    void withVaryHeaderOffNoVaryIsAddedAtAll() {
        CorsPolicy p = policy(CorsOptions.builder().originPredicate(BY_TENANT, "X-Tenant").varyHeader(false).build());
        assertThat(CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/", "X-Tenant", "acme")).vary(), is(nullValue()));
        assertThat(CorsProcessor.actual(p, null, ServerOrigin.REQUEST_ONLY, null, null).vary(), is(nullValue()));
        assertThat(CorsProcessor.preflight(List.of(p), APP, "GET", null, null, View.of("GET", "/", "X-Tenant", "acme")).vary(),
                is(nullValue()));
    }

    @Test
    void withOriginsStarThePredicateIsNeverAskedSoItsHeadersChangeNoAnswer() {
        AtomicInteger asked = new AtomicInteger();
        CorsPolicy p = policy(CorsOptions.builder().origins("*")
                .originPredicate((origin, request) -> asked.incrementAndGet() < 0, "X-Tenant").build());
        assertThat(CorsProcessor.actual(p, APP, ServerOrigin.REQUEST_ONLY, null, View.of("GET", "/")).allowOrigin(), is(APP));
        assertThat(p.varyActual(), is("Origin"));
        assertThat(asked.get(), is(0));
    }

    @Test
    void severalPoliciesOnOnePreflightVaryOnEveryHeaderTheirPredicatesRead() {
        CorsPolicy hosts = policy(CorsOptions.builder().originPredicate((o, r) -> r.header("Host") != null, "Host").build());
        CorsDecision d = CorsProcessor.preflight(List.of(TENANTS, hosts), APP, "GET", null, null,
                View.of("GET", "/", "X-Tenant", "acme", "Host", "api.example.com"));
        assertThat(d.outcome(), is(Outcome.ALLOWED));
        assertThat(d.vary(), is(VARY_PREFLIGHT + ", Host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "X Tenant", "", "X-Tenant:"})
    void aDeclaredNameThatIsNoHeaderNameFailsStartupNamingTheSource(String name) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> policy(CorsOptions.builder().originPredicate(BY_TENANT, name).build()));
        assertThat(e.getMessage(), allOf(containsString("CORS configuration error in T"), containsString("originPredicate"),
                containsString("(from test)"), containsString("is not an HTTP header name")));
    }

    @Test
    void theLaterPredicateOfEitherFormReplacesTheEarlier() {
        CorsOptions requestAware = CorsOptions.builder().originPredicate(APP::equals).originPredicate(BY_TENANT, "X-Tenant").build();
        assertThat(policy(requestAware).varyActual(), is(VARY_ACTUAL));
        CorsOptions originOnly = CorsOptions.builder().originPredicate(BY_TENANT, "X-Tenant").originPredicate(APP::equals).build();
        assertThat(policy(originOnly).varyActual(), is("Origin"));
        assertThat(policy(originOnly).origins().readsRequest(), is(false));
    }

    @Test
    void theEffectivePolicyNamesTheHeadersThePredicateReads() {
        assertThat(TENANTS.toString().toLowerCase(Locale.ROOT), allOf(containsString("reading [x-tenant]"),
                containsString("vary=[origin, x-tenant]")));
    }
}
