package io.github.jaxrscors;

import io.github.jaxrscors.CorsDecision.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CORS decision as a pure function of the policy and the request's CORS facts; no JAX-RS type
 * here, so the whole decision table is testable without a server.
 *
 * <p>Section names refer to the WHATWG Fetch standard, https://fetch.spec.whatwg.org/.
 */
final class CorsProcessor {

    static final String VARY_ORIGIN = "Origin";
    static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    static final String VARY_PREFLIGHT_WILDCARD = "Access-Control-Request-Method, Access-Control-Request-Headers";

    /** The refusals of actual requests while DEBUG is off: constant, so they cost no allocation. */
    private static final CorsDecision NO_HEADERS = CorsDecision.denied(Outcome.DENIED, null, null);
    private static final CorsDecision NO_HEADERS_VARY = CorsDecision.denied(Outcome.DENIED, VARY_ORIGIN, null);
    private static final CorsDecision FORBIDDEN = CorsDecision.denied(Outcome.FORBIDDEN, null, null);
    private static final CorsDecision FORBIDDEN_VARY = CorsDecision.denied(Outcome.FORBIDDEN, VARY_ORIGIN, null);

    /** An {@code Access-Control-Request-Headers} value longer than this is refused unread. */
    static final int MAX_REQUEST_HEADERS_LENGTH = 8192;

    private CorsProcessor() {
    }

    /**
     * An actual (non-preflight) request.
     *
     * @param policy        the covering policy
     * @param origin        the {@code Origin} value (several headers joined by commas), or null
     * @param requestOrigin the request's own {@code scheme://host[:port]} when a disallowed origin
     *                      may still be refused (under rejectDisallowedOrigins, before the resource
     *                      runs); null once the request is past that point
     */
    static CorsDecision actual(CorsPolicy policy, String origin, String requestOrigin) {
        if (policy.answersWildcard()) {
            // "CORS protocol and HTTP caches": a constant '*' needs no Vary: Origin.
            // The whole answer is constant, so it goes on every response, with or without Origin.
            return new CorsDecision(Outcome.ALLOWED, "*", false, policy.exposeHeaders(),
                    null, null, null, null, null, "origins * answered with a literal * (sendWildcard)");
        }
        String vary = policy.varyHeader() ? VARY_ORIGIN : null;
        // Reasons are only built for the DEBUG log: the hot path stays free of string building.
        boolean explain = CorsLog.debugEnabled();
        if (origin == null) {
            return explain ? CorsDecision.denied(Outcome.DENIED, vary, "no Origin header: not a CORS request") : constantDenial(false, vary);
        }
        if (policy.origins().allows(origin)) {
            return new CorsDecision(Outcome.ALLOWED, origin, policy.supportsCredentials(), policy.exposeHeaders(),
                    null, null, null, null, vary, explain ? "origin allowed by " + policy.source() : null);
        }
        boolean forbid = requestOrigin != null && policy.rejectDisallowedOrigins() && !origin.equals(requestOrigin);
        if (!explain) {
            return constantDenial(forbid, vary);
        }
        return CorsDecision.denied(forbid ? Outcome.FORBIDDEN : Outcome.DENIED, vary, "origin " + originRefusal(policy, origin)
                + "; " + (forbid ? "rejectDisallowedOrigins answers 403" : "no CORS headers sent"));
    }

    private static CorsDecision constantDenial(boolean forbid, String vary) {
        if (forbid) {
            return vary == null ? FORBIDDEN : FORBIDDEN_VARY;
        }
        return vary == null ? NO_HEADERS : NO_HEADERS_VARY;
    }

    /**
     * A CORS-preflight request. Where several resource methods would serve the announced request,
     * each one's policy must allow it; the first one's values are answered.
     *
     * @param policies              the policies of the methods that would serve the request, not empty
     * @param origin                the {@code Origin} value (several headers joined by commas)
     * @param requestMethod         {@code Access-Control-Request-Method}
     * @param requestHeaders        {@code Access-Control-Request-Headers}, or null
     * @param requestPrivateNetwork {@code Access-Control-Request-Private-Network}, or null
     */
    static CorsDecision preflight(List<CorsPolicy> policies, String origin, String requestMethod,
            String requestHeaders, String requestPrivateNetwork) {
        CorsPolicy first = policies.get(0);
        String vary = preflightVary(policies);
        if (!HttpSyntax.isToken(requestMethod)) {
            return CorsDecision.denied(Outcome.FORBIDDEN, vary,
                    "Access-Control-Request-Method " + CorsLog.escape(requestMethod) + " is not a method token");
        }
        List<String> headers = parseHeaderList(requestHeaders);
        if (headers == null) {
            return CorsDecision.denied(Outcome.FORBIDDEN, vary,
                    "Access-Control-Request-Headers " + CorsLog.escape(requestHeaders) + " is not a list of header names");
        }
        for (CorsPolicy policy : policies) {
            String refusal = refusal(policy, origin, requestMethod, headers);
            if (refusal != null) {
                return CorsDecision.denied(Outcome.FORBIDDEN, vary, refusal);
            }
        }
        String allowHeaders = headers.isEmpty() ? null : String.join(", ", headers);
        if (policies.size() == 1) {
            // Private Network Access: answered only to a preflight that asks.
            String privateNetwork = "true".equals(requestPrivateNetwork) ? Boolean.toString(first.allowPrivateNetwork()) : null;
            return new CorsDecision(Outcome.ALLOWED, first.answersWildcard() ? "*" : origin, first.supportsCredentials(), null,
                    first.allowMethods(), allowHeaders, first.maxAge(), privateNetwork, vary,
                    CorsLog.debugEnabled() ? "preflight allowed by " + first.source() : null);
        }
        return combined(policies, origin, allowHeaders, requestPrivateNetwork, vary);
    }

    /**
     * The answer where several methods may serve the request: the browser cannot know which one
     * will, so it grants only what every policy grants (credentials, private network, methods, the
     * shortest max age) and answers {@code *} only when every policy would.
     */
    private static CorsDecision combined(List<CorsPolicy> policies, String origin, String allowHeaders,
            String requestPrivateNetwork, String vary) {
        boolean wildcard = true;
        boolean credentials = true;
        boolean privateNetwork = true;
        Long maxAge = null;
        boolean everyMaxAge = true;
        Set<String> methods = new LinkedHashSet<>(policies.get(0).methods());
        StringBuilder sources = new StringBuilder();
        for (CorsPolicy p : policies) {
            wildcard &= p.answersWildcard();
            credentials &= p.supportsCredentials();
            privateNetwork &= p.allowPrivateNetwork();
            methods.retainAll(p.methods());
            if (p.maxAge() == null) {
                everyMaxAge = false;
            } else {
                maxAge = maxAge == null ? Long.valueOf(p.maxAge()) : Math.min(maxAge, Long.parseLong(p.maxAge()));
            }
            sources.append(sources.length() == 0 ? "" : " and ").append(p.source());
        }
        List<String> ordered = new ArrayList<>();
        for (String m : policies.get(0).allowMethods().split(", ")) {
            if (methods.contains(m)) {
                ordered.add(m);
            }
        }
        return new CorsDecision(Outcome.ALLOWED, wildcard ? "*" : origin, credentials, null, String.join(", ", ordered),
                allowHeaders, everyMaxAge && maxAge != null ? maxAge.toString() : null,
                "true".equals(requestPrivateNetwork) ? Boolean.toString(privateNetwork) : null, vary,
                "preflight allowed by every method that may serve it: " + sources);
    }

    /**
     * The {@code Vary} tokens of a preflight answer: it depends on the announced method and
     * headers, and on the origin unless every policy answers a constant {@code *}. None when no
     * policy adds {@code Vary}.
     */
    static String preflightVary(List<CorsPolicy> policies) {
        boolean any = false;
        boolean allWildcard = true;
        for (CorsPolicy p : policies) {
            any |= p.varyHeader();
            allWildcard &= p.answersWildcard();
        }
        return any ? (allWildcard ? VARY_PREFLIGHT_WILDCARD : VARY_PREFLIGHT) : null;
    }

    /** Why {@code policy} refuses the preflight (a fixed word unless DEBUG is on), or null when it allows it. */
    private static String refusal(CorsPolicy policy, String origin, String method, List<String> headers) {
        boolean explain = CorsLog.debugEnabled();
        if (!policy.answersWildcard() && !policy.origins().allows(origin)) {
            return explain ? "origin " + CorsLog.escape(origin) + " " + originRefusal(policy, origin) : "origin refused";
        }
        if (!policy.methods().contains(method)) {
            return explain ? "method " + CorsLog.escape(method) + " not allowed by " + policy.source() + " (allowed: "
                    + policy.allowMethods() + ")" : "method refused";
        }
        for (String header : headers) {
            if (!policy.allowHeaders().allows(header)) {
                return explain ? "request header " + CorsLog.escape(header) + " not allowed by " + policy.source()
                        + " (allowed: " + policy.allowHeaders() + ")" : "request header refused";
            }
        }
        return null;
    }

    /** Why {@code policy} refuses {@code origin}, for the DEBUG log: a value outside the Fetch grammar is refused by every policy. */
    private static String originRefusal(CorsPolicy policy, String origin) {
        String defect = HttpSyntax.originDefect(origin);
        return defect != null ? "is malformed (" + defect + "), so no policy allows it"
                : "not allowed by " + policy.source() + " (allowed: " + policy.origins() + ")";
    }

    /**
     * Parses {@code Access-Control-Request-Headers}: comma-separated header names, optional
     * whitespace, empty elements skipped, names lower-cased. Null when an element is not a token,
     * is {@code *}, or the value is oversized; an empty list for an absent value.
     */
    static List<String> parseHeaderList(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_REQUEST_HEADERS_LENGTH) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        int start = 0;
        int n = value.length();
        while (start <= n) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            int a = start;
            int b = end;
            while (a < b && isWhitespace(value.charAt(a))) {
                a++;
            }
            while (b > a && isWhitespace(value.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                String name = value.substring(a, b);
                // "*" is a token, but echoed in Access-Control-Allow-Headers it would mean "any header".
                if (!HttpSyntax.isToken(name) || name.equals("*")) {
                    return null;
                }
                names.add(HttpSyntax.lower(name));
            }
            start = end + 1;
        }
        return new ArrayList<>(names);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
