package io.github.jaxrscors;

import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.CorsDecision.Outcome;
import io.github.jaxrscors.support.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision table of the engine: request facts in, {@link CorsDecision} out, no server. */
@Tag("unit")
@Isolated
class CorsProcessorTest {

    static final String SELF = "https://api.example.com";
    static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    static final String VARY_PREFLIGHT_NO_ORIGIN = "Access-Control-Request-Method, Access-Control-Request-Headers";
    static final String DEFAULT_METHODS = "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE";

    /** Named policies the tables refer to. */
    static final Map<String, CorsOptions> POLICIES = Map.ofEntries(
            Map.entry("defaults", CorsOptions.builder().build()),
            Map.entry("listed", CorsOptions.builder().origins(APP).build()),
            Map.entry("listedCredentials", CorsOptions.builder().origins(APP).supportsCredentials(true).build()),
            Map.entry("sendWildcard", CorsOptions.builder().sendWildcard(true).build()),
            Map.entry("listedSendWildcard", CorsOptions.builder().origins(APP).sendWildcard(true).build()),
            Map.entry("listedCredentialsSendWildcard",
                    CorsOptions.builder().origins(APP).supportsCredentials(true).sendWildcard(true).build()),
            Map.entry("patternCredentialsSendWildcard", CorsOptions.builder().originPatterns("https://[a-z]+\\.example\\.org").supportsCredentials(true)
                    .sendWildcard(true).build()),
            Map.entry("listedNoVary", CorsOptions.builder().origins(APP).varyHeader(false).build()),
            Map.entry("defaultsNoVary", CorsOptions.builder().varyHeader(false).build()),
            Map.entry("sendWildcardNoVary", CorsOptions.builder().sendWildcard(true).varyHeader(false).build()),
            Map.entry("nullListed", CorsOptions.builder().origins("null").build()),
            Map.entry("subdomains", CorsOptions.builder().origins("https://*.example.com").build()),
            Map.entry("twoListed", CorsOptions.builder().origins("https://a.com", "https://b.com").build()));

    static CorsPolicy policy(CorsOptions options) {
        return PolicyResolver.resolve("T", List.of(new Layer(options, "test")));
    }

    static CorsPolicy policy(String name) {
        CorsOptions options = POLICIES.get(name);
        if (options == null) {
            throw new IllegalArgumentException("no policy named " + name);
        }
        return policy(options);
    }

    static CorsDecision preflight(CorsPolicy policy, String origin, String method, String headers) {
        return Decisions.preflight(List.of(policy), origin, method, headers, null);
    }

    /** A refusal carries no header value at all; only {@code Vary} may be set. */
    static void assertNoAccessControlValues(String why, CorsDecision d) {
        assertThat(why + ": no Access-Control-Allow-Origin", d.allowOrigin(), is(nullValue()));
        assertThat(why + ": no Access-Control-Allow-Credentials", d.allowCredentials(), is(false));
        assertThat(why + ": no Access-Control-Expose-Headers", d.exposeHeaders(), is(nullValue()));
        assertThat(why + ": no Access-Control-Allow-Methods", d.allowMethods(), is(nullValue()));
        assertThat(why + ": no Access-Control-Allow-Headers", d.allowHeaders(), is(nullValue()));
        assertThat(why + ": no Access-Control-Max-Age", d.maxAge(), is(nullValue()));
        assertThat(why + ": no Access-Control-Allow-Private-Network", d.allowPrivateNetwork(), is(nullValue()));
    }

    // ---------------------------------------------------------------- actual requests

    @ParameterizedTest(name = "{0}: Origin {1} -> {2} {3}")
    @CsvSource({
        // policy,                   origin,                          outcome, ACAO,                    credentials, Vary
        "defaults,                   https://app.example.com,         ALLOWED, https://app.example.com, false, Origin",
        "defaults,                   http://localhost:8080,           ALLOWED, http://localhost:8080,   false, Origin",
        "defaults,                   http://[::1]:8080,               ALLOWED, http://[::1]:8080,       false, Origin",
        "defaults,                   ,                                WITHOUT_HEADERS,  ,                        false, Origin",
        "defaults,                   null,                            WITHOUT_HEADERS,  ,                        false, Origin",
        "defaults,                   https://app.example.com/,        WITHOUT_HEADERS,  ,                        false, Origin",
        "defaults,                   'https://a.com,https://b.com',   WITHOUT_HEADERS,  ,                        false, Origin",
        "defaults,                   'https://a.com, https://b.com',  WITHOUT_HEADERS,  ,                        false, Origin",
        "defaults,                   '',                              WITHOUT_HEADERS,  ,                        false, Origin",
        "listed,                     https://app.example.com,         ALLOWED, https://app.example.com, false, Origin",
        "listed,                     https://evil.example.net,        WITHOUT_HEADERS,  ,                        false, Origin",
        "listed,                     ,                                WITHOUT_HEADERS,  ,                        false, Origin",
        "listedCredentials,          https://app.example.com,         ALLOWED, https://app.example.com, true,  Origin",
        "listedCredentials,          https://evil.example.net,        WITHOUT_HEADERS,  ,                        false, Origin",
        "listedCredentials,          ,                                WITHOUT_HEADERS,  ,                        false, Origin",
        "listedCredentials,  'https://app.example.com,https://app.example.com', WITHOUT_HEADERS, ,               false, Origin",
        "listedCredentials,  'https://app.example.com,https://evil.example.net', WITHOUT_HEADERS, ,               false, Origin",
        "sendWildcard,               https://app.example.com,         ALLOWED, *,                       false, ",
        "sendWildcard,               ,                                ALLOWED, *,                       false, ",
        "listedSendWildcard,         https://app.example.com,         ALLOWED, https://app.example.com, false, Origin",
        "listedSendWildcard,         https://evil.example.net,        WITHOUT_HEADERS,  ,                        false, Origin",
        "listedSendWildcard,         ,                                WITHOUT_HEADERS,  ,                        false, Origin",
        "listedCredentialsSendWildcard, https://app.example.com,      ALLOWED, https://app.example.com, true,  Origin",
        "patternCredentialsSendWildcard, https://x.example.org,       ALLOWED, https://x.example.org,   true,  Origin",
        "listedNoVary,               https://app.example.com,         ALLOWED, https://app.example.com, false, ",
        "listedNoVary,               https://evil.example.net,        WITHOUT_HEADERS,  ,                        false, ",
        "defaultsNoVary,             ,                                WITHOUT_HEADERS,  ,                        false, ",
        "sendWildcardNoVary,         https://app.example.com,         ALLOWED, *,                       false, ",
        "nullListed,                 null,                            ALLOWED, null,                    false, Origin",
        "nullListed,                 https://app.example.com,         WITHOUT_HEADERS,  ,                        false, Origin",
        "subdomains,                 https://a.b.example.com,         ALLOWED, https://a.b.example.com, false, Origin",
        "subdomains,                 https://example.com,             WITHOUT_HEADERS,  ,                        false, Origin",
        "twoListed,                  https://b.com,                   ALLOWED, https://b.com,           false, Origin",
        "twoListed,                  'https://a.com,https://b.com',   WITHOUT_HEADERS,  ,                        false, Origin",
        "twoListed,                  'https://a.com, https://b.com',  WITHOUT_HEADERS,  ,                        false, Origin"
    })
    void actualRequestDecisionTable(String policy, String origin, Outcome outcome, String allowOrigin, boolean credentials,
            String vary) {
        CorsDecision d = Decisions.actual(policy(policy), origin, null);
        String why = policy + " with Origin " + CorsLog.escape(origin);
        assertThat(why + ": outcome", d.outcome(), is(outcome));
        assertThat(why + ": Access-Control-Allow-Origin", d.allowOrigin(), is(allowOrigin));
        assertThat(why + ": Access-Control-Allow-Credentials", d.allowCredentials(), is(credentials));
        assertThat(why + ": Vary", d.vary(), is(vary));
        assertThat(why + ": preflight-only values stay off an actual response", d.allowMethods(), is(nullValue()));
        assertThat(why + ": no Access-Control-Allow-Headers on an actual response", d.allowHeaders(), is(nullValue()));
        assertThat(why + ": no Access-Control-Max-Age on an actual response", d.maxAge(), is(nullValue()));
        assertThat(why + ": Access-Control-Allow-Private-Network goes on preflights only", d.allowPrivateNetwork(),
                is(nullValue()));
    }

    @Test
    void allowedOriginIsEchoedAsSent() {
        CorsDecision d = Decisions.actual(policy(CorsOptions.builder().origins("HTTPS://App.Example.com").build()), APP, null);
        assertThat("an origin listed in other case is allowed", d.outcome(), is(Outcome.ALLOWED));
        assertThat("the echo is the value the browser sent (it compares byte for byte), not the listed spelling",
                d.allowOrigin(), is(APP));
    }

    @ParameterizedTest(name = "{0}: Origin {1}")
    @CsvSource({
        "defaults,           https://APP.example.com",
        "defaults,           HTTPS://app.example.com",
        "defaults,           NULL",
        "listed,             https://App.Example.Com",
        "listedCredentials,  HTTPS://APP.EXAMPLE.COM",
        "subdomains,         https://A.example.com",
        "nullListed,         Null"
    })
    void originOutsideTheFetchGrammarIsNeverAllowedNorEchoed(String policy, String origin) {
        CorsPolicy p = policy(policy);
        CorsDecision actual = Decisions.actual(p, origin, null);
        assertThat(policy + ": an actual request from " + origin + " proceeds without CORS headers", actual.outcome(),
                is(Outcome.WITHOUT_HEADERS));
        assertNoAccessControlValues(policy + " actual, Origin " + origin, actual);
        assertThat(policy + ": Vary: Origin still added", actual.vary(), is("Origin"));
        CorsDecision preflight = preflight(p, origin, "GET", null);
        assertThat(policy + ": a preflight from " + origin + " is refused", preflight.outcome(), is(Outcome.FORBIDDEN));
        assertNoAccessControlValues(policy + " preflight, Origin " + origin, preflight);
    }

    @Test
    void constantStarIsNotAnEchoAndIgnoresTheOriginValue() {
        CorsDecision d = Decisions.actual(policy("sendWildcard"), "https://APP.example.com", null);
        assertThat("sendWildcard answers its constant * to every request, without or with any Origin", d.allowOrigin(), is("*"));
    }

    @Test
    void debugReasonSaysTheOriginIsMalformed() {
        try (LogCapture log = new LogCapture()) {
            String actual = Decisions.actual(policy("listed"), "https://APP.example.com", null).explain();
            assertThat("the actual request's reason", actual, is("origin is malformed (upper case in the scheme or host, which "
                    + "browsers send in lower case), so no policy allows it; no CORS headers sent"));
            String preflight = preflight(policy("defaults"), "https://a.com,https://b.com", "GET", null).explain();
            assertThat("the preflight's reason", preflight, is("origin \"https://a.com,https://b.com\" is malformed (a list: several "
                    + "Origin headers, or several origins in one), so no policy allows it"));
            String unlisted = Decisions.actual(policy("listed"), EVIL, null).explain();
            assertThat("a well-formed origin that is not listed reads as before", unlisted,
                    is("origin not allowed by T (allowed: https://app.example.com); no CORS headers sent"));
        }
    }

    @Test
    void refusedActualRequestCarriesNoAccessControlValues() {
        CorsDecision d = Decisions.actual(policy(CorsOptions.builder().origins(APP).supportsCredentials(true)
                .exposeHeaders("X-Total").build()), EVIL, null);
        assertThat("a disallowed origin proceeds", d.outcome(), is(Outcome.WITHOUT_HEADERS));
        assertNoAccessControlValues("disallowed origin", d);
        assertThat("Vary: Origin still added", d.vary(), is("Origin"));
    }

    @Test
    void exposeHeadersGoOnAllowedActualResponses() {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).exposeHeaders("X-Total", "X-Page").build());
        assertThat("listed expose headers, comma-joined", Decisions.actual(p, APP, null).exposeHeaders(),
                is("X-Total, X-Page"));
        assertThat("not for a disallowed origin", Decisions.actual(p, EVIL, null).exposeHeaders(), is(nullValue()));
        assertThat("not without Origin", Decisions.actual(p, null, null).exposeHeaders(), is(nullValue()));
    }

    @Test
    void exposeHeadersStarWithoutCredentialsIsSentAsLiteralStar() {
        CorsPolicy p = policy(CorsOptions.builder().exposeHeaders("*").build());
        assertThat("exposeHeaders(\"*\") without credentials", Decisions.actual(p, APP, null).exposeHeaders(), is("*"));
    }

    @Test
    void noExposeHeadersByDefault() {
        assertThat("exposeHeaders defaults to none", Decisions.actual(policy("defaults"), APP, null).exposeHeaders(),
                is(nullValue()));
    }

    @Test
    void constantStarPolicyCarriesExposeHeadersForCorsRequests() {
        CorsPolicy p = policy(CorsOptions.builder().sendWildcard(true).exposeHeaders("X-Total").build());
        CorsDecision d = Decisions.actual(p, APP, null);
        assertThat("ACAO is a literal *", d.allowOrigin(), is("*"));
        assertThat("expose headers are sent with it", d.exposeHeaders(), is("X-Total"));
    }

    @Test
    void duplicateOriginsUnderConstantStarAreNeverAnsweredWithAList() {
        CorsDecision d = Decisions.actual(policy("sendWildcard"), "https://a.com,https://b.com", null);
        assertThat("a list is never echoed; the constant * is all that may be answered", d.allowOrigin(),
                is(not("https://a.com,https://b.com")));
        assertThat("no Vary: Origin for a constant *", d.vary(), is(nullValue()));
    }

    @ParameterizedTest(name = "reject={0}, Origin {1}, request origin {2} -> {3}")
    @CsvSource({
        // reject, origin,                      requestOrigin,            outcome
        "true,   https://evil.example.net,      https://api.example.com,  FORBIDDEN",
        "true,   null,                          https://api.example.com,  FORBIDDEN",
        "true,   'https://a.com,https://b.com', https://api.example.com,  FORBIDDEN",
        "true,   https://evil.example.net,      ,                         WITHOUT_HEADERS",
        "true,   https://api.example.com,       https://api.example.com,  WITHOUT_HEADERS",
        // Upper case is outside the Origin grammar: no browser sent it, so it is not the request's own origin.
        "true,   HTTPS://API.Example.com,       https://api.example.com,  FORBIDDEN",
        "true,   http://api.example.com,        https://api.example.com,  FORBIDDEN",
        "true,   https://api.example.com:8443,  https://api.example.com,  FORBIDDEN",
        "true,   ,                              https://api.example.com,  WITHOUT_HEADERS",
        "true,   https://app.example.com,       https://api.example.com,  ALLOWED",
        "false,  https://evil.example.net,      https://api.example.com,  WITHOUT_HEADERS",
        "false,  https://api.example.com,       https://api.example.com,  WITHOUT_HEADERS"
    })
    void rejectDisallowedOriginsForbidsOnlyCrossOriginRequestsBeforeTheResource(boolean reject, String origin,
            String requestOrigin, Outcome outcome) {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).rejectDisallowedOrigins(reject).build());
        CorsDecision d = Decisions.actual(p, origin, requestOrigin);
        String why = "rejectDisallowedOrigins=" + reject + ", Origin " + CorsLog.escape(origin) + " at " + requestOrigin;
        assertThat(why, d.outcome(), is(outcome));
        if (outcome != Outcome.ALLOWED) {
            assertNoAccessControlValues(why, d);
            assertThat(why + ": Vary: Origin", d.vary(), is("Origin"));
        }
    }

    @Test
    void forbiddenDecisionSaysSo() {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).rejectDisallowedOrigins(true).build());
        assertThat("a FORBIDDEN outcome reads forbidden", Decisions.actual(p, EVIL, SELF).forbidden(), is(true));
        assertThat("a WITHOUT_HEADERS outcome does not", Decisions.actual(p, EVIL, null).forbidden(), is(false));
    }

    // ---------------------------------------------------------------- preflights

    @Test
    void allowedPreflightAnswersEveryValue() {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).methods("GET", "PUT").allowHeaders("Content-Type", "X-Custom")
                .maxAge(600).supportsCredentials(true).exposeHeaders("X-Total").build());
        CorsDecision d = preflight(p, APP, "PUT", "content-type, x-custom");
        assertThat("outcome", d.outcome(), is(Outcome.ALLOWED));
        assertThat("the origin echoed", d.allowOrigin(), is(APP));
        assertThat("the configured methods", d.allowMethods(), is("GET, PUT"));
        assertThat("the requested headers", d.allowHeaders(), is("content-type, x-custom"));
        assertThat("max age", d.maxAge(), is("600"));
        assertThat("credentials", d.allowCredentials(), is(true));
        assertThat("expose headers belong on actual responses", d.exposeHeaders(), is(nullValue()));
        assertThat("no private network answer to a preflight that did not ask", d.allowPrivateNetwork(), is(nullValue()));
        assertThat("Vary", d.vary(), is(VARY_PREFLIGHT));
    }

    @Test
    void allowedPreflightUnderDefaultsEchoesOriginAndListsDefaultMethods() {
        CorsDecision d = preflight(policy("defaults"), APP, "DELETE", null);
        assertThat("outcome", d.outcome(), is(Outcome.ALLOWED));
        assertThat("the origin echoed (sendWildcard is off by default)", d.allowOrigin(), is(APP));
        assertThat("the default methods", d.allowMethods(), is(DEFAULT_METHODS));
        assertThat("no headers requested, none answered", d.allowHeaders(), is(nullValue()));
        assertThat("no max age by default", d.maxAge(), is(nullValue()));
        assertThat("no credentials by default", d.allowCredentials(), is(false));
        assertThat("Vary", d.vary(), is(VARY_PREFLIGHT));
    }

    @ParameterizedTest(name = "{0}: Origin {1}, {2} [{3}] -> {4}")
    @CsvSource({
        // policy,            origin,                        method, headers,                    outcome,   ACAO
        "defaults,            https://app.example.com,       PUT,    ,                           ALLOWED,   https://app.example.com",
        "defaults,            null,                          PUT,    ,                           FORBIDDEN, ",
        "defaults,            https://app.example.com/,      PUT,    ,                           FORBIDDEN, ",
        "defaults,            'https://a.com,https://b.com', PUT,    ,                           FORBIDDEN, ",
        "defaults,            ,                              PUT,    ,                           FORBIDDEN, ",
        "listed,              https://app.example.com,       GET,    ,                           ALLOWED,   https://app.example.com",
        "listed,              https://evil.example.net,      GET,    ,                           FORBIDDEN, ",
        "listedCredentials,   https://evil.example.net,      GET,    ,                           FORBIDDEN, ",
        "twoListed,           'https://a.com,https://b.com', GET,    ,                           FORBIDDEN, ",
        "twoListed,           'https://a.com, https://b.com', GET,   ,                           FORBIDDEN, ",
        "nullListed,          null,                          GET,    ,                           ALLOWED,   null",
        "sendWildcard,        https://app.example.com,       PUT,    x-custom,                   ALLOWED,   *",
        "listedSendWildcard,  https://app.example.com,       PUT,    ,                           ALLOWED,   https://app.example.com",
        "listedSendWildcard,  https://evil.example.net,      PUT,    ,                           FORBIDDEN, ",
        "defaults,            https://app.example.com,       put,    ,                           FORBIDDEN, ",
        "defaults,            https://app.example.com,       Get,    ,                           FORBIDDEN, ",
        "defaults,            https://app.example.com,       PROPFIND, ,                         FORBIDDEN, ",
        "defaults,            https://app.example.com,       GET,    'x-a, X-B, content-type',   ALLOWED,   https://app.example.com"
    })
    void preflightDecisionTable(String policy, String origin, String method, String headers, Outcome outcome,
            String allowOrigin) {
        CorsDecision d = preflight(policy(policy), origin, method, headers);
        String why = policy + ", Origin " + CorsLog.escape(origin) + ", " + method + " [" + headers + "]";
        assertThat(why + ": outcome", d.outcome(), is(outcome));
        assertThat(why + ": Access-Control-Allow-Origin", d.allowOrigin(), is(allowOrigin));
        if (outcome == Outcome.FORBIDDEN) {
            assertNoAccessControlValues(why, d);
        } else {
            assertThat(why + ": Access-Control-Allow-Methods present", d.allowMethods(), is(not(nullValue())));
        }
    }

    @ParameterizedTest(name = "methods {0}, requested {1} -> {2}")
    @CsvSource({
        "'GET,PUT',      PUT,    ALLOWED",
        "'GET,PUT',      put,    FORBIDDEN",
        "'GET,PUT',      Put,    FORBIDDEN",
        "'GET,PUT',      DELETE, FORBIDDEN",
        "'GET,PUT',      PU,     FORBIDDEN",
        "'GET,PUT',      PUTS,   FORBIDDEN",
        "'GET,PUT',      GETPUT, FORBIDDEN",
        "'get,put',      put,    ALLOWED",
        "'get,put',      PUT,    FORBIDDEN",
        "'PROPFIND',     PROPFIND, ALLOWED",
        "'PROPFIND',     propfind, FORBIDDEN"
    })
    void methodsAreComparedCaseSensitivelyAsWholeTokens(String methods, String requested, Outcome outcome) {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).methods(methods.split(",")).build());
        CorsDecision d = preflight(p, APP, requested, null);
        assertThat("methods " + methods + " and Access-Control-Request-Method " + requested, d.outcome(), is(outcome));
    }

    @Test
    void allowMethodsAnswersTheConfiguredMethodsNotTheRequestedOne() {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).methods("GET", "PUT", "DELETE").build());
        assertThat("the configured methods, comma-joined in order", preflight(p, APP, "PUT", null).allowMethods(),
                is("GET, PUT, DELETE"));
    }

    @ParameterizedTest(name = "allowHeaders X-Custom, requested [{0}] -> {1}")
    @CsvSource({
        "X-Custom,                 ALLOWED",
        "x-custom,                 ALLOWED",
        "X-CUSTOM,                 ALLOWED",
        "'x-custom, x-custom',     ALLOWED",
        "'  x-custom  ',           ALLOWED",
        "X-Custom-Evil,            FORBIDDEN",
        "Custom,                   FORBIDDEN",
        "X-Custo,                  FORBIDDEN",
        "X-Customs,                FORBIDDEN",
        "XX-Custom,                FORBIDDEN",
        "'x-custom, x-other',      FORBIDDEN",
        "'x-other, x-custom',      FORBIDDEN",
        "*,                        FORBIDDEN"
    })
    void allowHeadersAreWholeTokensComparedCaseInsensitively(String requested, Outcome outcome) {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).allowHeaders("X-Custom").build());
        CorsDecision d = preflight(p, APP, "GET", requested);
        assertThat("allowHeaders X-Custom and Access-Control-Request-Headers " + requested, d.outcome(), is(outcome));
    }

    @ParameterizedTest(name = "allowHeaderPatterns X-App-.*, requested [{0}] -> {1}")
    @CsvSource({
        "x-app-id,                 ALLOWED",
        "X-APP-ID,                 ALLOWED",
        "'x-app-id, x-app-tenant', ALLOWED",
        "'x-app-id, x-custom',     ALLOWED",
        "x-app,                    FORBIDDEN",
        "y-x-app-id,               FORBIDDEN",
        "'x-app-id, x-evil',       FORBIDDEN"
    })
    void allowHeaderPatternsMatchWholeNamesCaseInsensitivelyAndAddUpWithNames(String requested, Outcome outcome) {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).allowHeaders("X-Custom").allowHeaderPatterns("X-App-.*").build());
        CorsDecision d = preflight(p, APP, "GET", requested);
        assertThat("allowHeaders X-Custom + pattern X-App-.* and requested " + requested, d.outcome(), is(outcome));
    }

    @ParameterizedTest(name = "requested [{0}] answered [{1}]")
    @CsvSource({
        "x-custom,                         x-custom",
        "'x-a, x-b',                       'x-a, x-b'",
        "'x-a,x-b',                        'x-a, x-b'",
        "'content-type,authorization',     'content-type, authorization'",
        "'X-A, x-b',                       'x-a, x-b'",
        "'x-a, x-a',                       x-a",
        "'x-a,, x-b, ',                    'x-a, x-b'"
    })
    void allowHeadersAnswerIsTheRequestedNamesNeverALiteralStar(String requested, String answered) {
        for (String config : List.of("*", "x-a|x-b|x-custom|content-type|authorization")) {
            CorsOptions.Builder b = CorsOptions.builder().origins(APP);
            if (config.equals("*")) {
                b.allowHeaders("*");
            } else {
                b.allowHeaders(config.split("\\|"));
            }
            CorsDecision d = preflight(policy(b.build()), APP, "POST", requested);
            String why = "allowHeaders " + config + " and requested " + requested;
            assertThat(why + ": outcome", d.outcome(), is(Outcome.ALLOWED));
            assertThat(why + ": Access-Control-Allow-Headers", d.allowHeaders(), is(answered));
            assertThat(why + ": never a literal *", d.allowHeaders(), is(not("*")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "x-a, *", " * "})
    void requestedHeaderNamedStarIsNeverAnsweredWithALiteralStar(String requested) {
        CorsDecision d = preflight(policy("defaults"), APP, "POST", requested);
        assertThat("Access-Control-Allow-Headers is never the wildcard, even under allowHeaders *", d.allowHeaders(),
                is(not("*")));
        assertThat("nor a list holding it", String.valueOf(d.allowHeaders()).contains("*"), is(false));
    }

    @Test
    void noRequestedHeadersMeansNoAllowHeaders() {
        assertThat("absent Access-Control-Request-Headers", preflight(policy("defaults"), APP, "GET", null).allowHeaders(),
                is(nullValue()));
        assertThat("empty Access-Control-Request-Headers", preflight(policy("defaults"), APP, "GET", "").allowHeaders(),
                is(nullValue()));
    }

    @ParameterizedTest(name = "maxAge {0} -> {1}")
    @CsvSource({
        "0,     0",
        "1,     1",
        "600,   600",
        "86400, 86400"
    })
    void maxAgeIsSentInSecondsZeroIncluded(long seconds, String header) {
        CorsPolicy p = policy(CorsOptions.builder().maxAge(seconds).build());
        assertThat("Access-Control-Max-Age for maxAge(" + seconds + ")", preflight(p, APP, "GET", null).maxAge(), is(header));
    }

    @Test
    void maxAgeFromDurationIsSentInWholeSeconds() {
        CorsPolicy p = policy(CorsOptions.builder().maxAge(Duration.ofMinutes(10)).build());
        assertThat("10 minutes", preflight(p, APP, "GET", null).maxAge(), is("600"));
    }

    @Test
    void maxAgeZeroIsNotLeftOut() {
        CorsPolicy p = policy(CorsOptions.builder().maxAge(Duration.ZERO).build());
        assertThat("0 means do not cache, and is sent", preflight(p, APP, "GET", null).maxAge(), is("0"));
    }

    @ParameterizedTest(name = "allowPrivateNetwork={0}, request header {1} -> {2}")
    @CsvSource({
        "true,  true,  true",
        "false, true,  false",
        "true,  ,      ",
        "false, ,      ",
        "true,  false, ",
        "true,  yes,   ",
        "true,  '',    "
    })
    void privateNetworkIsAnsweredOnlyToAPreflightThatAsks(boolean allow, String requestHeader, String answer) {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).allowPrivateNetwork(allow).build());
        CorsDecision d = Decisions.preflight(List.of(p), APP, "GET", null, requestHeader);
        assertThat("allowPrivateNetwork=" + allow + ", Access-Control-Request-Private-Network " + requestHeader,
                d.allowPrivateNetwork(), is(answer));
        assertThat("the preflight itself is allowed", d.outcome(), is(Outcome.ALLOWED));
    }

    @Test
    void privateNetworkIsRefusedByDefault() {
        CorsDecision d = Decisions.preflight(List.of(policy("defaults")), APP, "GET", null, "true");
        assertThat("the secure default answers false", d.allowPrivateNetwork(), is("false"));
    }

    @Test
    void privateNetworkIsNotAnsweredOnAForbiddenPreflight() {
        CorsPolicy p = policy(CorsOptions.builder().origins(APP).allowPrivateNetwork(true).build());
        CorsDecision d = Decisions.preflight(List.of(p), EVIL, "GET", null, "true");
        assertThat("forbidden", d.outcome(), is(Outcome.FORBIDDEN));
        assertThat("no private network answer", d.allowPrivateNetwork(), is(nullValue()));
    }

    @ParameterizedTest(name = "{0} -> Vary {1}")
    @CsvSource({
        "defaults,            'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'",
        "listed,              'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'",
        "listedSendWildcard,  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'",
        "sendWildcard,        'Access-Control-Request-Method, Access-Control-Request-Headers'",
        "listedNoVary,        ",
        "defaultsNoVary,      ",
        "sendWildcardNoVary,  "
    })
    void preflightVaryDependsOnVaryHeaderAndConstantStar(String policy, String vary) {
        CorsDecision allowed = preflight(policy(policy), APP, "GET", null);
        CorsDecision refused = preflight(policy(policy), APP, "NOT-A-CONFIGURED-METHOD", null);
        assertThat(policy + ": allowed preflight", allowed.outcome(), is(Outcome.ALLOWED));
        assertThat(policy + ": Vary of an allowed preflight", allowed.vary(), is(vary));
        assertThat(policy + ": refused preflight", refused.outcome(), is(Outcome.FORBIDDEN));
        assertThat(policy + ": Vary of a refused preflight is the same", refused.vary(), is(vary));
    }

    @Test
    void preflightVaryHelperMatchesThePreflightAnswer() {
        assertThat("the helper the filters use for preflights they refuse themselves",
                CorsProcessor.preflightVary(List.of(policy("defaults"))), is(VARY_PREFLIGHT));
        assertThat("constant *", CorsProcessor.preflightVary(List.of(policy("sendWildcard"))), is(VARY_PREFLIGHT_NO_ORIGIN));
        assertThat("varyHeader false", CorsProcessor.preflightVary(List.of(policy("defaultsNoVary"))), is(nullValue()));
    }

    @Test
    void sendWildcardIsIgnoredWhereCredentialsAreOn() {
        CorsDecision d = preflight(policy("listedCredentialsSendWildcard"), APP, "GET", null);
        assertThat("credentials keep the echo", d.allowOrigin(), is(APP));
        assertThat("credentials", d.allowCredentials(), is(true));
        assertThat("the answer depends on the origin", d.vary(), is(VARY_PREFLIGHT));
    }

    // ---------------------------------------------------------------- several policies

    static Stream<Arguments> severalPolicies() {
        CorsOptions a = CorsOptions.builder().origins(APP).methods("PUT").allowHeaders("Content-Type").maxAge(100).build();
        CorsOptions sameButOtherAge = CorsOptions.builder().origins(APP).methods("PUT").allowHeaders("Content-Type").maxAge(200)
                .build();
        CorsOptions otherOrigin = CorsOptions.builder().origins("https://other.example.com").methods("PUT")
                .allowHeaders("Content-Type").build();
        CorsOptions otherMethod = CorsOptions.builder().origins(APP).methods("POST").allowHeaders("Content-Type").build();
        CorsOptions noHeader = CorsOptions.builder().origins(APP).methods("PUT").allowHeaders("X-Other").build();
        return Stream.of(
                Arguments.of("both allow", a, sameButOtherAge, Outcome.ALLOWED),
                Arguments.of("second refuses the origin", a, otherOrigin, Outcome.FORBIDDEN),
                Arguments.of("first refuses the origin", otherOrigin, a, Outcome.FORBIDDEN),
                Arguments.of("second refuses the method", a, otherMethod, Outcome.FORBIDDEN),
                Arguments.of("first refuses the method", otherMethod, a, Outcome.FORBIDDEN),
                Arguments.of("second refuses the header", a, noHeader, Outcome.FORBIDDEN),
                Arguments.of("first refuses the header", noHeader, a, Outcome.FORBIDDEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalPolicies")
    void preflightServedBySeveralMethodsMustBeAllowedByEveryPolicy(String why, CorsOptions first, CorsOptions second,
            Outcome outcome) {
        CorsDecision d = Decisions.preflight(List.of(policy(first), policy(second)), APP, "PUT", "content-type", null);
        assertThat(why, d.outcome(), is(outcome));
        if (outcome == Outcome.FORBIDDEN) {
            assertNoAccessControlValues(why, d);
        }
    }

    @Test
    void preflightServedBySeveralMethodsAnswersTheFirstPolicysValues() {
        CorsPolicy first = policy(CorsOptions.builder().origins(APP).methods("PUT").maxAge(100).build());
        CorsPolicy second = policy(CorsOptions.builder().origins(APP).methods("PUT", "GET").maxAge(200).build());
        CorsDecision d = Decisions.preflight(List.of(first, second), APP, "PUT", null, null);
        assertThat("allowed by both", d.outcome(), is(Outcome.ALLOWED));
        assertThat("the first policy's max age", d.maxAge(), is("100"));
        assertThat("the first policy's methods", d.allowMethods(), is("PUT"));
    }

    // ---------------------------------------------------------------- malformed preflight facts

    static Stream<Arguments> malformedRequestMethods() {
        return Stream.of(
                Arguments.of("absent", null),
                Arguments.of("empty", ""),
                Arguments.of("CR LF injection", "PUT\r\nX-Evil: 1"),
                Arguments.of("trailing LF", "PUT\n"),
                Arguments.of("space inside", "P UT"),
                Arguments.of("trailing space", "PUT "),
                Arguments.of("list", "GET, PUT"),
                Arguments.of("10 KB", "P".repeat(10 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequestMethods")
    void malformedRequestMethodIsForbidden(String why, String method) {
        CorsDecision d = preflight(policy("defaults"), APP, method, null);
        assertThat(why + " Access-Control-Request-Method", d.outcome(), is(Outcome.FORBIDDEN));
        assertNoAccessControlValues(why, d);
        assertThat(why + ": Vary still set", d.vary(), is(VARY_PREFLIGHT));
    }

    static Stream<Arguments> malformedRequestHeaders() {
        // About 16 KB of valid names, cut to exactly 10 KB: only the length is wrong.
        String tenKb = IntStream.range(0, 2000).mapToObj(i -> "x-h" + i).collect(Collectors.joining(",")).substring(0, 10 * 1024);
        return Stream.of(
                Arguments.of("CR LF injection", "x-a\r\nX-Evil: 1"),
                Arguments.of("CR LF at the end", "x-a\r\n"),
                Arguments.of("LF between names", "x-a\nx-b"),
                Arguments.of("space inside a name", "x a"),
                Arguments.of("space inside a later name", "x-a, x b"),
                Arguments.of("semicolon", "x-a;x-b"),
                Arguments.of("colon", "x-a:1"),
                Arguments.of("NUL", "x-a\u0000"),
                Arguments.of("non-ASCII", "x-é"),
                Arguments.of("10 KB of valid names", tenKb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequestHeaders")
    void malformedRequestHeadersAreForbiddenEvenUnderStar(String why, String headers) {
        CorsDecision d = preflight(policy("defaults"), APP, "POST", headers);
        assertThat(why + " Access-Control-Request-Headers under allowHeaders *", d.outcome(), is(Outcome.FORBIDDEN));
        assertNoAccessControlValues(why, d);
    }

    // ---------------------------------------------------------------- parseHeaderList

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "x-a                  | x-a",
        "content-type         | content-type",
        "X-A                  | x-a",
        "x-A                  | x-a",
        "x-a,x-b              | x-a,x-b",
        "'x-a, x-b'           | x-a,x-b",
        "' x-a ,  x-b  '      | x-a,x-b",
        "'x-b, x-a'           | x-b,x-a",
        "'x-a, X-A, x-a'      | x-a",
        "'x-a,,x-b,'          | x-a,x-b",
        "',x-a'               | x-a",
        "'Content-Type, Authorization' | content-type,authorization"
    })
    void headerListIsParsedToLowerCaseNamesInOrderWithoutDuplicates(String value, String names) {
        assertThat("Access-Control-Request-Headers " + value, CorsProcessor.parseHeaderList(value),
                is(List.of(names.split(","))));
    }

    @Test
    void headerListWithTabsAroundNamesIsParsed() {
        assertThat("tabs are optional whitespace", CorsProcessor.parseHeaderList("\tx-a\t,\tx-b"), is(List.of("x-a", "x-b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , , ", "\t"})
    void emptyHeaderListHasNoNames(String value) {
        assertThat("[" + value + "] names no header", CorsProcessor.parseHeaderList(value), is(List.of()));
    }

    @Test
    void absentHeaderListHasNoNames() {
        assertThat("no Access-Control-Request-Headers", CorsProcessor.parseHeaderList(null), is(List.of()));
    }

    static Stream<Arguments> invalidHeaderLists() {
        return Stream.of(
                Arguments.of("CR LF", "x-a\r\nx-b"),
                Arguments.of("CR", "x-a\r"),
                Arguments.of("space inside a name", "x a"),
                Arguments.of("quoted name", "\"x-a\""),
                Arguments.of("slash", "x/a"),
                Arguments.of("equals", "x=a"),
                Arguments.of("a name * (would read as the wildcard if echoed)", "x-a, *"),
                Arguments.of("* alone", "*"),
                Arguments.of("one bad element among good ones", "x-a, x-b, x c, x-d"),
                Arguments.of("just over the bound", "x".repeat(CorsProcessor.MAX_REQUEST_HEADERS_LENGTH + 1)),
                Arguments.of("10 KB", "x,".repeat(5 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeaderLists")
    void invalidHeaderListIsRefused(String why, String value) {
        assertThat(why + " is not a list of header names", CorsProcessor.parseHeaderList(value), is(nullValue()));
    }

    @Test
    void headerListOfExactlyTheBoundIsRead() {
        String value = "x".repeat(CorsProcessor.MAX_REQUEST_HEADERS_LENGTH);
        assertThat("a value of exactly the bound is still read", CorsProcessor.parseHeaderList(value), is(List.of(value)));
    }

    @Test
    void severalServingMethodsGrantOnlyWhatEveryOneGrants() {
        CorsPolicy lenient = policy(CorsOptions.builder().origins(APP).supportsCredentials(true).allowPrivateNetwork(true)
                .methods("GET", "PUT", "DELETE").maxAge(600).build());
        CorsPolicy strict = policy(CorsOptions.builder().origins(APP).methods("PUT", "GET").maxAge(60).build());
        CorsDecision d = Decisions.preflight(List.of(lenient, strict), APP, "PUT", null, "true");
        assertThat("allowed by both", d.outcome(), is(Outcome.ALLOWED));
        assertThat("credentials only if every method supports them", d.allowCredentials(), is(false));
        assertThat("private network only if every method allows it", d.allowPrivateNetwork(), is("false"));
        assertThat("only the methods every policy lists, in the first one's order", d.allowMethods(), is("GET, PUT"));
        assertThat("the shortest max age", d.maxAge(), is("60"));
        assertThat("echoed, not *", d.allowOrigin(), is(APP));
        CorsPolicy noMaxAge = policy(CorsOptions.builder().origins(APP).methods("PUT").build());
        assertThat("no max age when one method sets none", Decisions.preflight(List.of(lenient, noMaxAge), APP, "PUT", null, null)
                .maxAge(), is(nullValue()));
        CorsPolicy star = policy(CorsOptions.builder().sendWildcard(true).methods("PUT").build());
        CorsPolicy echo = policy(CorsOptions.builder().methods("PUT").build());
        CorsDecision mixed = Decisions.preflight(List.of(star, echo), APP, "PUT", null, null);
        assertThat("* only if every method answers *", mixed.allowOrigin(), is(APP));
        assertThat("Vary on Origin when any answer depends on it", mixed.vary(), is(VARY_PREFLIGHT));
        assertThat("all *: a constant answer", Decisions.preflight(List.of(star, star), APP, "PUT", null, null).allowOrigin(),
                is("*"));
    }
}
