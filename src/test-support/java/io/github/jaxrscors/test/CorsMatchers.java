package io.github.jaxrscors.test;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers over a {@link Response}: its status, its {@code Access-Control-*} headers and
 * its {@code Vary} header, as a browser would read them.
 *
 * <p>Every mismatch shows the status and every {@code Access-Control-*} and {@code Vary} header
 * received, so a failing assertion explains itself:
 * <pre>{@code
 * Expected: Access-Control-Allow-Origin: "https://app.example.com"
 *      but: was status 200, no Access-Control-* header, Vary: "Origin"
 * }</pre>
 *
 * <p>Header names are compared case-insensitively (HTTP field names are). Values follow the
 * <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch standard's CORS protocol</a>:
 * {@code Access-Control-Allow-Origin} is compared exactly, method names case-sensitively, header
 * names and {@code Vary} tokens case-insensitively; list headers are read as comma-separated
 * tokens over all their values. A {@code *} is only ever matched by a literal {@code "*"}.
 *
 * <p>These matchers read what the response carries; they cannot tell whether the request carried
 * {@code Origin}. Send it with {@link CorsRequests}, which cannot lose it.
 */
public final class CorsMatchers {

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    private static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    private static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    private static final String MAX_AGE = "Access-Control-Max-Age";
    private static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";
    private static final String VARY = "Vary";
    private static final String PREFIX = "access-control-";

    private CorsMatchers() {
    }

    /**
     * The response lets a script of this origin read it: exactly one
     * {@code Access-Control-Allow-Origin} header, equal to {@code origin}.
     *
     * @param origin the serialized origin, such as {@code https://app.example.com}, or {@code null}
     *               as the literal string {@code "null"}
     * @return the matcher
     */
    public static Matcher<Response> allowsOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        return matcher(ALLOW_ORIGIN + ": \"" + origin + "\"", r -> single(r, ALLOW_ORIGIN, origin));
    }

    /**
     * The response lets any origin read it: exactly one {@code Access-Control-Allow-Origin: *}.
     * An echoed origin does not match.
     *
     * @return the matcher
     */
    public static Matcher<Response> allowsAnyOrigin() {
        return matcher(ALLOW_ORIGIN + ": \"*\"", r -> single(r, ALLOW_ORIGIN, "*"));
    }

    /**
     * The response lets the browser expose it to credentialed requests: exactly one
     * {@code Access-Control-Allow-Credentials: true}.
     *
     * @return the matcher
     */
    public static Matcher<Response> allowsCredentials() {
        return matcher(ALLOW_CREDENTIALS + ": \"true\"", r -> single(r, ALLOW_CREDENTIALS, "true"));
    }

    /**
     * {@code Access-Control-Allow-Methods} lists every one of these methods (compared
     * case-sensitively, as browsers compare them); it may list others too.
     *
     * @param methods one or more method names, such as {@code "PUT"}
     * @return the matcher
     */
    public static Matcher<Response> allowsMethods(String... methods) {
        List<String> expected = nonEmpty("methods", methods);
        return matcher(ALLOW_METHODS + " listing " + quoted(expected),
                r -> tokens(r, ALLOW_METHODS).containsAll(expected));
    }

    /**
     * {@code Access-Control-Allow-Headers} lists every one of these header names (compared
     * case-insensitively); it may list others too.
     *
     * @param headers one or more header names, such as {@code "Content-Type"}
     * @return the matcher
     */
    public static Matcher<Response> allowsHeaders(String... headers) {
        List<String> expected = nonEmpty("headers", headers);
        return matcher(ALLOW_HEADERS + " listing " + quoted(expected) + " (case-insensitive)",
                r -> containsIgnoringCase(tokens(r, ALLOW_HEADERS), expected));
    }

    /**
     * {@code Access-Control-Expose-Headers} lists every one of these header names (compared
     * case-insensitively), so a script may read them; it may list others too.
     *
     * @param headers one or more header names, such as {@code "X-Total"}, or {@code "*"} for the
     *                literal wildcard
     * @return the matcher
     */
    public static Matcher<Response> exposesHeaders(String... headers) {
        List<String> expected = nonEmpty("headers", headers);
        return matcher(EXPOSE_HEADERS + " listing " + quoted(expected) + " (case-insensitive)",
                r -> containsIgnoringCase(tokens(r, EXPOSE_HEADERS), expected));
    }

    /**
     * The browser may cache this preflight's answer for this long: exactly one
     * {@code Access-Control-Max-Age} header with this number of seconds.
     *
     * @param seconds the expected max age in seconds
     * @return the matcher
     */
    public static Matcher<Response> hasMaxAge(long seconds) {
        return matcher(MAX_AGE + ": \"" + seconds + "\"", r -> single(r, MAX_AGE, Long.toString(seconds)));
    }

    /**
     * The preflight lets a public page reach a private network:
     * {@code Access-Control-Allow-Private-Network: true}, exactly once.
     *
     * @return the matcher
     */
    public static Matcher<Response> allowsPrivateNetwork() {
        return matcher(ALLOW_PRIVATE_NETWORK + ": \"true\"", r -> single(r, ALLOW_PRIVATE_NETWORK, "true"));
    }

    /**
     * A preflight the browser accepts (as far as the response alone can say): a 2xx status,
     * exactly one {@code Access-Control-Allow-Origin} and an {@code Access-Control-Allow-Methods}
     * header. Combine it with {@link #allowsOrigin(String)}, {@link #allowsMethods(String...)} and
     * {@link #allowsHeaders(String...)} to say what it allows.
     *
     * @return the matcher
     */
    public static Matcher<Response> isAllowedPreflight() {
        return matcher("an allowed preflight (2xx with " + ALLOW_ORIGIN + " and " + ALLOW_METHODS + ")",
                r -> r.getStatus() >= 200 && r.getStatus() < 300 && values(r, ALLOW_ORIGIN).size() == 1
                        && !values(r, ALLOW_METHODS).isEmpty());
    }

    /**
     * A preflight jaxrs-cors refused: status 403 and no {@code Access-Control-*} header at all.
     *
     * @return the matcher
     */
    public static Matcher<Response> isRefusedPreflight() {
        return matcher("a refused preflight (status 403, no Access-Control-* header)",
                r -> r.getStatus() == 403 && corsHeaderNames(r).isEmpty());
    }

    /**
     * No {@code Access-Control-*} header at all: the browser will not let a cross-origin script
     * read this response. {@code Vary} is not looked at (see {@link #variesOn(String...)}).
     *
     * @return the matcher
     */
    public static Matcher<Response> hasNoCorsHeaders() {
        return matcher("no Access-Control-* header", r -> corsHeaderNames(r).isEmpty());
    }

    /**
     * {@code Vary} lists each of these tokens exactly once (compared case-insensitively, over
     * all {@code Vary} values); it may list others too. {@code Vary: *} does not match a token.
     *
     * @param tokens one or more header names, such as {@code "Origin"}
     * @return the matcher
     */
    public static Matcher<Response> variesOn(String... tokens) {
        List<String> expected = nonEmpty("tokens", tokens);
        return matcher("Vary listing " + quoted(expected) + ", each once (case-insensitive)", r -> {
            List<String> vary = tokens(r, VARY);
            return expected.stream().allMatch(t -> vary.stream().filter(t::equalsIgnoreCase).count() == 1);
        });
    }

    /**
     * {@code Vary} lists exactly these tokens, each once, in any order (compared
     * case-insensitively); no token and no {@code Vary} header when none are given.
     *
     * @param tokens the header names, such as {@code "Origin"}; none for "no Vary at all"
     * @return the matcher
     */
    public static Matcher<Response> variesOnlyOn(String... tokens) {
        List<String> expected = lowerCase(List.of(tokens));
        return matcher(expected.isEmpty() ? "no Vary" : "Vary listing exactly " + quoted(List.of(tokens))
                + ", each once (case-insensitive)", r -> {
                    List<String> vary = lowerCase(tokens(r, VARY));
                    return vary.size() == expected.size() && vary.containsAll(expected) && expected.containsAll(vary)
                            && vary.stream().distinct().count() == vary.size()
                            && (!expected.isEmpty() || values(r, VARY).isEmpty());
                });
    }

    /**
     * {@code Vary} lists none of these tokens (compared case-insensitively), or is absent.
     *
     * @param tokens one or more header names, such as {@code "Origin"}
     * @return the matcher
     */
    public static Matcher<Response> doesNotVaryOn(String... tokens) {
        List<String> expected = nonEmpty("tokens", tokens);
        return matcher("Vary without " + quoted(expected) + " (case-insensitive)",
                r -> tokens(r, VARY).stream().noneMatch(v -> expected.stream().anyMatch(v::equalsIgnoreCase)));
    }

    /**
     * The response has this status code.
     *
     * @param status the expected status code, such as {@code 200}
     * @return the matcher
     */
    public static Matcher<Response> hasStatus(int status) {
        return matcher("status " + status, r -> r.getStatus() == status);
    }

    /**
     * The response carries this header exactly once, with exactly this value (the name compared
     * case-insensitively, the value exactly). For a header no other matcher here covers, or to pin
     * a list header's exact text.
     *
     * @param name  the header name
     * @param value the expected value
     * @return the matcher
     */
    public static Matcher<Response> hasHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return matcher(name + ": \"" + value + "\"", r -> single(r, name, value), name);
    }

    /**
     * The response does not carry this header (the name compared case-insensitively).
     *
     * @param name the header name
     * @return the matcher
     */
    public static Matcher<Response> hasNoHeader(String name) {
        Objects.requireNonNull(name, "name");
        return matcher("no " + name + " header", r -> values(r, name).isEmpty(), name);
    }

    // What a mismatch shows: the status, every Access-Control-* header in name order, Vary, then
    // the header a matcher named; each value quoted.
    static String received(Response response, String alsoShow) {
        Map<String, List<String>> headers = headers(response);
        StringBuilder text = new StringBuilder("status ").append(response.getStatus());
        boolean anyCors = false;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                anyCors = true;
                text.append(", ").append(e.getKey()).append(": ").append(quoted(e.getValue()));
            }
        }
        if (!anyCors) {
            text.append(", no Access-Control-* header");
        }
        appendHeader(text, headers, VARY);
        if (alsoShow != null && !alsoShow.equalsIgnoreCase(VARY) && !alsoShow.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            appendHeader(text, headers, alsoShow);
        }
        return text.toString();
    }

    /**
     * Why a response may not be what the test meant, when it shows: {@code Vary: Origin} without
     * any {@code Access-Control-*} header is how a covered resource answers a request without an
     * allowed {@code Origin}, and an {@code OPTIONS} answered with {@code Allow} and no
     * {@code Access-Control-*} header is Jersey's answer to an {@code OPTIONS} that is not a
     * preflight. Either way the {@code Origin} the test sent may never have reached the server.
     */
    static String likelyCause(Response response) {
        if (!corsHeaderNames(response).isEmpty()) {
            return "";
        }
        String lost = " If the test sent an Origin, it may never have arrived: HttpURLConnection (the JDK's, and Jersey's "
                + "default connector on it) drops Origin and Access-Control-Request-* unless the JVM runs with "
                + "-Dsun.net.http.allowRestrictedHeaders=true. Send the request with io.github.jaxrscors.test.CorsRequests, or "
                + "through a client on io.github.jaxrscors.test.HttpClientConnector, which cannot lose it.";
        if (!values(response, "Allow").isEmpty() && response.getStatus() < 300) {
            return " (answered as a plain OPTIONS request with Allow, not as a preflight: the server saw no Origin or no "
                    + "Access-Control-Request-Method." + lost + ")";
        }
        if (lowerCase(tokens(response, VARY)).contains("origin")) {
            return " (Vary: Origin without any Access-Control-* header: the resource has a CORS policy, and the server saw no "
                    + "Origin that it allows." + lost + ")";
        }
        return "";
    }

    private static void appendHeader(StringBuilder text, Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                text.append(", ").append(e.getKey()).append(": ").append(quoted(e.getValue()));
                return;
            }
        }
        text.append(", no ").append(name);
    }

    private static Matcher<Response> matcher(String expected, Predicate<Response> test) {
        return matcher(expected, test, null);
    }

    private static Matcher<Response> matcher(String expected, Predicate<Response> test, String alsoShow) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Response response, Description mismatch) {
                mismatch.appendText("was ").appendText(received(response, alsoShow));
                boolean matches = test.test(response);
                if (!matches) {
                    mismatch.appendText(likelyCause(response));
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(expected);
            }
        };
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getStringHeaders().forEach((name, values) -> {
            if (values != null) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return headers;
    }

    private static List<String> values(Response response, String name) {
        return headers(response).getOrDefault(name, List.of());
    }

    private static boolean single(Response response, String name, String value) {
        return values(response, name).equals(List.of(value));
    }

    private static List<String> corsHeaderNames(Response response) {
        List<String> names = new ArrayList<>();
        for (String name : headers(response).keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> tokens(Response response, String name) {
        List<String> tokens = new ArrayList<>();
        for (String value : values(response, name)) {
            for (String token : value.split(",", -1)) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    private static boolean containsIgnoringCase(List<String> actual, List<String> expected) {
        return lowerCase(actual).containsAll(lowerCase(expected));
    }

    private static List<String> lowerCase(List<String> values) {
        List<String> lower = new ArrayList<>();
        for (String v : values) {
            lower.add(v.toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    private static List<String> nonEmpty(String what, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Name at least one of the " + what + " to look for.");
        }
        List<String> list = Arrays.asList(values);
        if (list.contains(null)) {
            throw new IllegalArgumentException("The " + what + " to look for cannot contain null: " + list);
        }
        return List.copyOf(list);
    }

    private static String quoted(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String v : values) {
            text.append(text.length() == 0 ? "" : ", ").append('"').append(v).append('"');
        }
        return text.toString();
    }
}
