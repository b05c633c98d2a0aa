package io.github.jaxrscors;

import static io.github.jaxrscors.CorsProcessorTest.assertNoAccessControlValues;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.CorsDecision.Outcome;
import io.github.jaxrscors.CorsDecision.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * crossSiteProtection's decision table (the engine, no server): method × {@code Origin} ×
 * {@code Sec-Fetch-Site}, the origins it trusts, the server's own origin, and what a refusal carries.
 */
@Tag("unit")
class CrossSiteDecisionTest {

    static final String APP = "https://app.example.com";
    static final String SELF = "https://api.example.com";
    static final String EVIL = "https://evil.example.net";

    static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "get", "PROPFIND");
    /** Origin values: absent, listed by the policy, the server's own, another site, the opaque origin. */
    static final List<String> ORIGINS = Arrays.asList(null, APP, SELF, EVIL, "null");
    static final List<String> FETCH_SITES = Arrays.asList(null, "same-origin", "same-site", "cross-site", "none");

    static CorsPolicy protectedPolicy(CorsOptions.Builder b) {
        return CorsProcessorTest.policy(b.crossSiteProtection(true).build());
    }

    static final CorsPolicy LISTED = protectedPolicy(CorsOptions.builder().origins(APP));

    static CorsDecision decide(CorsPolicy policy, String method, String origin, String fetchSite) {
        return Decisions.crossSite(policy, method, origin, fetchSite, ServerOrigin.REQUEST_ONLY, () -> SELF);
    }

    /** The issue's wording of the algorithm, step by step, as the oracle: true when the request passes. */
    static boolean passesByTheIssuesOrder(String method, String origin, String fetchSite, boolean listed, boolean own) {
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true; // 1. safe methods pass
        }
        if (origin != null && listed) {
            return true; // 2. an Origin the policy allows passes
        }
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none"); // 3.
        }
        if (origin != null) {
            return own; // 4.
        }
        return true; // 5. neither header
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> rows = new ArrayList<>();
        for (String method : METHODS) {
            for (String origin : ORIGINS) {
                for (String site : FETCH_SITES) {
                    rows.add(Arguments.of(method, origin, site));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}, Origin {1}, Sec-Fetch-Site {2}")
    @MethodSource("everyCombination")
    void everyCombinationFollowsTheIssuesOrderOfSteps(String method, String origin, String fetchSite) {
        CorsDecision d = decide(LISTED, method, origin, fetchSite);
        boolean expected = passesByTheIssuesOrder(method, origin, fetchSite, APP.equals(origin), SELF.equals(origin));
        String why = method + ", Origin " + origin + ", Sec-Fetch-Site " + fetchSite;
        assertThat(why, d.outcome(), is(expected ? Outcome.PASSED : Outcome.FORBIDDEN));
        assertNoAccessControlValues(why, d);
        assertThat(why + ": Vary names what a refusal read; a pass adds none here", d.vary(),
                is(expected ? null : "Origin, Sec-Fetch-Site"));
    }

    @ParameterizedTest(name = "{0}, Origin {1}, Sec-Fetch-Site {2} -> {3}")
    @CsvSource({
        // method, origin,                    Sec-Fetch-Site, reason
        "GET,     https://evil.example.net,   cross-site,     SAFE_METHOD",
        "HEAD,    https://evil.example.net,   cross-site,     SAFE_METHOD",
        "OPTIONS, https://evil.example.net,   cross-site,     SAFE_METHOD",
        "POST,    https://evil.example.net,   same-origin,    SAME_ORIGIN_FETCH",
        "POST,    ,                           none,           USER_INITIATED_FETCH",
        "POST,    https://app.example.com,    cross-site,     TRUSTED_ORIGIN",
        "POST,    https://app.example.com,    ,               TRUSTED_ORIGIN",
        "POST,    https://evil.example.net,   cross-site,     CROSS_SITE_FETCH_REFUSED",
        "POST,    https://evil.example.net,   same-site,      CROSS_SITE_FETCH_REFUSED",
        "DELETE,  ,                           cross-site,     CROSS_SITE_FETCH_REFUSED",
        "PUT,     ,                           ,               NO_FETCH_METADATA",
        "PUT,     https://api.example.com,    ,               OWN_ORIGIN",
        "PUT,     https://evil.example.net,   ,               CROSS_SITE_ORIGIN_REFUSED",
        "PUT,     null,                       ,               CROSS_SITE_ORIGIN_REFUSED",
        // Methods are case-sensitive: "get" is not GET, so it is checked.
        "get,     https://evil.example.net,   cross-site,     CROSS_SITE_FETCH_REFUSED"
    })
    void eachStepNamesItsReason(String method, String origin, String fetchSite, Reason reason) {
        assertThat(decide(LISTED, method, origin, fetchSite).reason(), is(reason));
    }

    @ParameterizedTest(name = "Sec-Fetch-Site \"{0}\"")
    @ValueSource(strings = {"Same-Origin", "SAME-ORIGIN", "same-origin,cross-site", "cross-site,same-origin", "", " same-origin",
        "same-origin ", "nonE"})
    void fetchSiteIsComparedExactlySoAnyOtherValueIsRefused(String fetchSite) {
        CorsDecision d = decide(LISTED, "POST", EVIL, fetchSite);
        assertThat("only the exact tokens same-origin and none pass", d.outcome(), is(Outcome.FORBIDDEN));
        assertThat(d.reason(), is(Reason.CROSS_SITE_FETCH_REFUSED));
    }

    static Stream<Arguments> trust() {
        return Stream.of(
                Arguments.of("an exact origin", CorsOptions.builder().origins(APP), APP, true),
                Arguments.of("a subdomain wildcard", CorsOptions.builder().origins("https://*.example.com"), APP, true),
                Arguments.of("a port wildcard", CorsOptions.builder().origins("http://localhost:*"), "http://localhost:5173", true),
                Arguments.of("a pattern", CorsOptions.builder().originPatterns("https://[a-z]+\\.example\\.com"), APP, true),
                Arguments.of("the predicate", CorsOptions.builder().originPredicate(APP::equals), APP, true),
                Arguments.of("\"*\" trusts no site", CorsOptions.builder().origins("*"), APP, false),
                Arguments.of("the default \"*\" trusts no site", CorsOptions.builder(), APP, false),
                Arguments.of("\"*\" with sendWildcard trusts no site", CorsOptions.builder().sendWildcard(true), APP, false),
                Arguments.of("\"*\" beside an exact origin trusts that origin", CorsOptions.builder().origins("*", APP), APP, true),
                Arguments.of("a listed \"null\" is not trusted (any site can send it)", CorsOptions.builder().origins("null"), "null", false),
                Arguments.of("upper case is outside the Origin grammar", CorsOptions.builder().origins(APP), "https://APP.example.com", false),
                Arguments.of("a list of origins is not one origin", CorsOptions.builder().origins(APP), APP + "," + APP, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trust")
    void originsThePolicyNamesAreTrustedButNotStarOrNull(String why, CorsOptions.Builder options, String origin, boolean trusted) {
        CorsDecision d = decide(protectedPolicy(options), "POST", origin, "cross-site");
        assertThat(why, d.outcome(), is(trusted ? Outcome.PASSED : Outcome.FORBIDDEN));
    }

    @Test
    void sameOriginFetchNeverAsksThePredicateNorTheRequestOrigin() {
        AtomicInteger asked = new AtomicInteger();
        CorsPolicy p = protectedPolicy(CorsOptions.builder().originPredicate(o -> asked.incrementAndGet() > 0));
        Supplier<String> own = () -> {
            asked.incrementAndGet();
            return SELF;
        };
        CorsDecision d = Decisions.crossSite(p, "POST", EVIL, "same-origin", ServerOrigin.REQUEST_ONLY, own);
        assertThat(d.outcome(), is(Outcome.PASSED));
        assertThat("nothing else is consulted for a same-origin fetch", asked.get(), is(0));
        Decisions.crossSite(p, "GET", EVIL, null, ServerOrigin.REQUEST_ONLY, own);
        assertThat("nor for a safe method", asked.get(), is(0));
    }

    @Test
    void requestOriginIsAskedOnlyWithoutFetchMetadata() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> own = () -> {
            asked.incrementAndGet();
            return SELF;
        };
        Decisions.crossSite(LISTED, "POST", EVIL, "cross-site", ServerOrigin.REQUEST_ONLY, own);
        assertThat("Sec-Fetch-Site decides without it", asked.get(), is(0));
        Decisions.crossSite(LISTED, "POST", EVIL, null, ServerOrigin.REQUEST_ONLY, own);
        assertThat("without Sec-Fetch-Site it is asked once", asked.get(), is(1));
    }

    @ParameterizedTest(name = "Origin {0} behind a proxy -> {1}")
    @CsvSource({
        "https://api.example.com,     PASSED",
        "https://www.example.com,     PASSED",
        "http://10.0.0.5:8080,        PASSED",
        "http://api.example.com,      FORBIDDEN",
        "https://api.example.com:8443, FORBIDDEN",
        "https://evil.example.net,    FORBIDDEN"
    })
    void publicOriginsAreTheServersOwnBesideTheRequestsOrigin(String origin, Outcome outcome) {
        ServerOrigin server = PolicyResolver.serverOrigin(List.of("https://API.example.com", "https://www.example.com"), "test", false);
        CorsDecision d = Decisions.crossSite(LISTED, "POST", origin, null, server, () -> "http://10.0.0.5:8080");
        assertThat("Origin " + origin + " without Sec-Fetch-Site", d.outcome(), is(outcome));
    }

    @ParameterizedTest(name = "Origin {0} -> {1}")
    @CsvSource({
        "https://api.example.com,  WITHOUT_HEADERS",
        "http://10.0.0.5:8080,     WITHOUT_HEADERS",
        "https://evil.example.net, FORBIDDEN"
    })
    void rejectDisallowedOriginsExemptsPublicOriginsToo(String origin, Outcome outcome) {
        CorsPolicy p = CorsProcessorTest.policy(CorsOptions.builder().origins(APP).rejectDisallowedOrigins(true).build());
        ServerOrigin server = PolicyResolver.serverOrigin(List.of("https://api.example.com"), "test", false);
        assertThat(CorsProcessor.actual(p, origin, server, "http://10.0.0.5:8080", null).outcome(), is(outcome));
    }

    @Test
    void refusalVaryFollowsVaryHeader() {
        CorsPolicy quiet = protectedPolicy(CorsOptions.builder().origins(APP).varyHeader(false));
        CorsDecision d = decide(quiet, "POST", EVIL, "cross-site");
        assertThat(d.outcome(), is(Outcome.FORBIDDEN));
        assertThat("varyHeader false: Vary is left alone", d.vary(), is(nullValue()));
    }

    @Test
    void refusalsExplainWhatWasReadAndWhy() {
        String bySite = decide(LISTED, "POST", EVIL, "cross-site").explain();
        assertThat(bySite, allOf(containsString("Sec-Fetch-Site \"cross-site\""), containsString("does not list"),
                containsString("https://app.example.com"), containsString("crossSiteProtection answers 403")));
        ServerOrigin server = PolicyResolver.serverOrigin(List.of("https://www.example.com"), "test", false);
        String byOrigin = Decisions.crossSite(LISTED, "PUT", EVIL, null, server, () -> "http://10.0.0.5:8080").explain();
        assertThat(byOrigin, allOf(containsString("no Sec-Fetch-Site"), containsString("http://10.0.0.5:8080"),
                containsString("publicOrigins [https://www.example.com]"), containsString("crossSiteProtection answers 403")));
        String hostile = decide(LISTED, "POST", EVIL, "cross-site\r\nX-Forged: 1").explain();
        assertThat("request values are escaped in the reason", hostile.contains("\r") || hostile.contains("\n"), is(false));
    }

    @Test
    void passesAreConstantsSoTheyCostNoAllocation() {
        assertThat(decide(LISTED, "POST", EVIL, "same-origin") == decide(LISTED, "PUT", APP, "same-origin"), is(true));
        assertThat(decide(LISTED, "GET", null, null) == decide(LISTED, "HEAD", EVIL, "cross-site"), is(true));
    }

    @Test
    void serverOriginWithoutSettingsIsTheSharedConstant() {
        assertThat(PolicyResolver.serverOrigin(List.of(), "test", false), is(ServerOrigin.REQUEST_ONLY));
        assertThat(PolicyResolver.serverOrigin(List.of(SELF), "test", false).publicOrigins(), is(Set.of(SELF)));
    }
}
