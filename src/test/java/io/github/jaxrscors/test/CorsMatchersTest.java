package io.github.jaxrscors.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each matcher matches, mismatches, and says what it expected and everything CORS it received. */
@Tag("unit")
class CorsMatchersTest {

    static final String APP = "https://app.example.com";

    private static Response response(int status, String... headers) {
        Response.ResponseBuilder r = Response.status(status);
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return r.build();
    }

    private static final Response PREFLIGHT = response(200, "Access-Control-Allow-Origin", APP,
            "Access-Control-Allow-Methods", "GET,PUT", "Access-Control-Allow-Headers", "content-type,x-custom",
            "Access-Control-Max-Age", "600", "Access-Control-Allow-Credentials", "true",
            "Vary", "Origin, Access-Control-Request-Method", "Vary", "Access-Control-Request-Headers");
    private static final String PREFLIGHT_SEEN = "was status 200, Access-Control-Allow-Credentials: \"true\", "
            + "Access-Control-Allow-Headers: \"content-type,x-custom\", Access-Control-Allow-Methods: \"GET,PUT\", "
            + "Access-Control-Allow-Origin: \"" + APP + "\", Access-Control-Max-Age: \"600\", "
            + "Vary: \"Origin, Access-Control-Request-Method\", \"Access-Control-Request-Headers\"";
    private static final Response ACTUAL = response(200, "access-control-allow-origin", "*",
            "Access-Control-Expose-Headers", "X-Total, X-Page", "Access-Control-Allow-Private-Network", "true", "X-Total", "3");
    private static final String ACTUAL_SEEN = "was status 200, access-control-allow-origin: \"*\", "
            + "Access-Control-Allow-Private-Network: \"true\", Access-Control-Expose-Headers: \"X-Total, X-Page\", no Vary";
    private static final Response REFUSED = response(403, "Vary", "Origin");
    /** What a mismatch adds where Vary names Origin and no Access-Control-* header came: the likely lost Origin. */
    static final String LOST_ORIGIN = " (Vary: Origin without any Access-Control-* header: the resource has a CORS policy, and the "
            + "server saw no Origin that it allows. If the test sent an Origin, it may never have arrived: HttpURLConnection (the "
            + "JDK's, and Jersey's default connector on it) drops Origin and Access-Control-Request-* unless the JVM runs with "
            + "-Dsun.net.http.allowRestrictedHeaders=true. Send the request with io.github.jaxrscors.test.CorsRequests, or through a "
            + "client on io.github.jaxrscors.test.HttpClientConnector, which cannot lose it.)";
    private static final String REFUSED_SEEN = "was status 403, no Access-Control-* header, Vary: \"Origin\"" + LOST_ORIGIN;
    private static final Response BARE = response(404);
    private static final String BARE_SEEN = "was status 404, no Access-Control-* header, no Vary";

    /** matcher, its description, a response it matches, one it does not, what the mismatch says. */
    static Stream<Arguments> matchers() {
        return Stream.of(
                Arguments.of(CorsMatchers.allowsOrigin(APP), "Access-Control-Allow-Origin: \"" + APP + "\"", PREFLIGHT, ACTUAL,
                        ACTUAL_SEEN),
                Arguments.of(CorsMatchers.allowsOrigin("https://other.example"), "Access-Control-Allow-Origin: \"https://other.example\"",
                        response(200, "Access-Control-Allow-Origin", "https://other.example"), PREFLIGHT, PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.allowsAnyOrigin(), "Access-Control-Allow-Origin: \"*\"", ACTUAL, PREFLIGHT, PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.allowsCredentials(), "Access-Control-Allow-Credentials: \"true\"", PREFLIGHT, ACTUAL,
                        ACTUAL_SEEN),
                Arguments.of(CorsMatchers.allowsMethods("PUT", "GET"), "Access-Control-Allow-Methods listing \"PUT\", \"GET\"",
                        PREFLIGHT, REFUSED, REFUSED_SEEN),
                Arguments.of(CorsMatchers.allowsMethods("put"), "Access-Control-Allow-Methods listing \"put\"",
                        response(200, "Access-Control-Allow-Methods", "put"), PREFLIGHT, PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.allowsHeaders("X-Custom", "Content-Type"),
                        "Access-Control-Allow-Headers listing \"X-Custom\", \"Content-Type\" (case-insensitive)", PREFLIGHT, ACTUAL,
                        ACTUAL_SEEN),
                Arguments.of(CorsMatchers.allowsHeaders("custom"), "Access-Control-Allow-Headers listing \"custom\" (case-insensitive)",
                        response(200, "Access-Control-Allow-Headers", "custom"), PREFLIGHT, PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.exposesHeaders("x-page"), "Access-Control-Expose-Headers listing \"x-page\" (case-insensitive)",
                        ACTUAL, PREFLIGHT, PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.exposesHeaders("*"), "Access-Control-Expose-Headers listing \"*\" (case-insensitive)",
                        response(200, "Access-Control-Expose-Headers", "*"), ACTUAL, ACTUAL_SEEN),
                Arguments.of(CorsMatchers.hasMaxAge(600), "Access-Control-Max-Age: \"600\"", PREFLIGHT, ACTUAL, ACTUAL_SEEN),
                Arguments.of(CorsMatchers.allowsPrivateNetwork(), "Access-Control-Allow-Private-Network: \"true\"", ACTUAL, PREFLIGHT,
                        PREFLIGHT_SEEN),
                Arguments.of(CorsMatchers.isAllowedPreflight(),
                        "an allowed preflight (2xx with Access-Control-Allow-Origin and Access-Control-Allow-Methods)", PREFLIGHT, ACTUAL,
                        ACTUAL_SEEN),
                Arguments.of(CorsMatchers.isAllowedPreflight(),
                        "an allowed preflight (2xx with Access-Control-Allow-Origin and Access-Control-Allow-Methods)", PREFLIGHT,
                        response(403, "Access-Control-Allow-Origin", APP, "Access-Control-Allow-Methods", "GET"),
                        "was status 403, Access-Control-Allow-Methods: \"GET\", Access-Control-Allow-Origin: \"" + APP + "\", no Vary"),
                Arguments.of(CorsMatchers.isRefusedPreflight(), "a refused preflight (status 403, no Access-Control-* header)", REFUSED,
                        BARE, BARE_SEEN),
                Arguments.of(CorsMatchers.isRefusedPreflight(), "a refused preflight (status 403, no Access-Control-* header)", REFUSED,
                        response(403, "Access-Control-Allow-Origin", APP),
                        "was status 403, Access-Control-Allow-Origin: \"" + APP + "\", no Vary"),
                Arguments.of(CorsMatchers.hasNoCorsHeaders(), "no Access-Control-* header", REFUSED, ACTUAL, ACTUAL_SEEN),
                Arguments.of(CorsMatchers.variesOn("origin", "ACCESS-CONTROL-REQUEST-HEADERS"),
                        "Vary listing \"origin\", \"ACCESS-CONTROL-REQUEST-HEADERS\", each once (case-insensitive)", PREFLIGHT, REFUSED,
                        REFUSED_SEEN),
                Arguments.of(CorsMatchers.variesOn("Origin"), "Vary listing \"Origin\", each once (case-insensitive)", REFUSED,
                        response(200, "Vary", "Origin, origin"), "was status 200, no Access-Control-* header, Vary: \"Origin, origin\""
                        + LOST_ORIGIN),
                Arguments.of(CorsMatchers.variesOn("Origin"), "Vary listing \"Origin\", each once (case-insensitive)", REFUSED,
                        response(200, "Vary", "*"), "was status 200, no Access-Control-* header, Vary: \"*\""),
                Arguments.of(CorsMatchers.variesOnlyOn("Access-Control-Request-Headers", "access-control-request-method", "Origin"),
                        "Vary listing exactly \"Access-Control-Request-Headers\", \"access-control-request-method\", \"Origin\", "
                                + "each once (case-insensitive)", PREFLIGHT, REFUSED, REFUSED_SEEN),
                Arguments.of(CorsMatchers.variesOnlyOn(), "no Vary", ACTUAL, REFUSED, REFUSED_SEEN),
                Arguments.of(CorsMatchers.variesOnlyOn(), "no Vary", ACTUAL, response(200, "Vary", ""),
                        "was status 200, no Access-Control-* header, Vary: \"\""),
                Arguments.of(CorsMatchers.doesNotVaryOn("Origin"), "Vary without \"Origin\" (case-insensitive)", ACTUAL,
                        response(200, "Vary", "Accept, ORIGIN"), "was status 200, no Access-Control-* header, Vary: \"Accept, ORIGIN\""
                        + LOST_ORIGIN),
                Arguments.of(CorsMatchers.hasStatus(403), "status 403", REFUSED, BARE, BARE_SEEN),
                Arguments.of(CorsMatchers.hasHeader("Access-Control-Allow-Methods", "GET,PUT"),
                        "Access-Control-Allow-Methods: \"GET,PUT\"", PREFLIGHT, response(200, "Access-Control-Allow-Methods", "PUT,GET"),
                        "was status 200, Access-Control-Allow-Methods: \"PUT,GET\", no Vary"),
                Arguments.of(CorsMatchers.hasHeader("x-total", "3"), "x-total: \"3\"", ACTUAL, BARE, BARE_SEEN + ", no x-total"),
                Arguments.of(CorsMatchers.hasHeader("X-Total", "4"), "X-Total: \"4\"", response(200, "X-Total", "4"), ACTUAL,
                        ACTUAL_SEEN + ", X-Total: \"3\""),
                Arguments.of(CorsMatchers.hasNoHeader("X-Total"), "no X-Total header", BARE, ACTUAL, ACTUAL_SEEN + ", X-Total: \"3\""));
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void matchesMismatchesAndDescribesBoth(Matcher<Response> matcher, String description, Response match, Response mismatch,
            String seen) {
        assertThat(StringDescription.toString(matcher), is(description));
        assertThat("matches " + CorsMatchers.received(match, null), matcher.matches(match), is(true));
        assertThat("does not match " + CorsMatchers.received(mismatch, null), matcher.matches(mismatch), is(false));
        StringDescription said = new StringDescription();
        matcher.describeMismatch(mismatch, said);
        assertThat(said.toString(), is(seen));
    }

    @Test
    void aFailedAssertionShowsTheExpectationAndEverythingCorsReceived() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(REFUSED, CorsMatchers.allowsOrigin(APP)));
        assertThat(e.getMessage(), is("\nExpected: Access-Control-Allow-Origin: \"" + APP + "\"\n     but: " + REFUSED_SEEN));
    }

    @Test
    void aPreflightAnsweredAsAPlainOptionsRequestNamesTheLikelyLostOrigin() {
        Response plainOptions = response(200, "Allow", "GET, OPTIONS, HEAD");
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(plainOptions, CorsMatchers.isRefusedPreflight()));
        assertThat(e.getMessage(), is("\nExpected: a refused preflight (status 403, no Access-Control-* header)\n     but: was status 200, "
                + "no Access-Control-* header, no Vary (answered as a plain OPTIONS request with Allow, not as a preflight: the server "
                + "saw no Origin or no Access-Control-Request-Method. If the test sent an Origin, it may never have arrived: "
                + "HttpURLConnection (the JDK's, and Jersey's default connector on it) drops Origin and Access-Control-Request-* "
                + "unless the JVM runs with -Dsun.net.http.allowRestrictedHeaders=true. Send the request with "
                + "io.github.jaxrscors.test.CorsRequests, or through a client on io.github.jaxrscors.test.HttpClientConnector, "
                + "which cannot lose it.)"));
    }

    @Test
    void aResponseWithCorsHeadersOrWithoutVaryOriginNamesNoLikelyCause() {
        assertThat(CorsMatchers.likelyCause(PREFLIGHT), is(""));
        assertThat(CorsMatchers.likelyCause(BARE), is(""));
    }

    @Test
    void aRepeatedSingleValuedHeaderDoesNotMatch() {
        Response twice = response(200, "Access-Control-Allow-Origin", APP, "Access-Control-Allow-Origin", APP);
        assertThat(CorsMatchers.allowsOrigin(APP).matches(twice), is(false));
        assertThat(CorsMatchers.isAllowedPreflight().matches(response(200, "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Origin", "https://b.example", "Access-Control-Allow-Methods", "GET")), is(false));
    }

    @Test
    void listsAreReadAsTokensNotSubstrings() {
        Response r = response(200, "Access-Control-Allow-Methods", "GETX, PUT", "Access-Control-Allow-Headers", "X-Custom-Long");
        assertThat(CorsMatchers.allowsMethods("GET").matches(r), is(false));
        assertThat(CorsMatchers.allowsMethods("PUT").matches(r), is(true));
        assertThat(CorsMatchers.allowsHeaders("X-Custom").matches(r), is(false));
        assertThat(CorsMatchers.variesOn("Origin").matches(response(200, "Vary", "X-Origin")), is(false));
    }

    @Test
    void listMatchersNeedSomethingToLookFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, CorsMatchers::allowsMethods);
        assertThat(e.getMessage(), is("Name at least one of the methods to look for."));
        assertThrows(IllegalArgumentException.class, () -> CorsMatchers.variesOn("Origin", null));
        assertThrows(NullPointerException.class, () -> CorsMatchers.allowsOrigin(null));
    }

    @Test
    void aNullResponseIsAMismatch() {
        assertThat(CorsMatchers.hasNoCorsHeaders().matches(null), is(false));
    }
}
