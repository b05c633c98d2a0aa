package io.github.jaxrscors;

import io.github.jaxrscors.CorsDecision.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The CORS decision as a pure function of the policy and the request's CORS facts; no JAX-RS type
 * here, so the whole decision table is testable without a server.
 *
 * <p>Section names refer to the WHATWG Fetch standard, https://fetch.spec.whatwg.org/.
 */
final class CorsProcessor {

    /** The answers to requests without {@code Origin}: constant, so the commonest request costs no allocation. */
    private static final CorsDecision NO_ORIGIN = CorsDecision.withoutHeaders(null, Reason.NO_ORIGIN, null, null);
    private static final CorsDecision NO_ORIGIN_VARY = CorsDecision.withoutHeaders(CorsHeaders.VARY_ORIGIN, Reason.NO_ORIGIN, null, null);

    /** crossSiteProtection's answers that let a request through: constant, so a pass costs no allocation. */
    private static final CorsDecision PASS_SAFE_METHOD = CorsDecision.passed(Reason.SAFE_METHOD);
    private static final CorsDecision PASS_SAME_ORIGIN = CorsDecision.passed(Reason.SAME_ORIGIN_FETCH);
    private static final CorsDecision PASS_USER_INITIATED = CorsDecision.passed(Reason.USER_INITIATED_FETCH);
    private static final CorsDecision PASS_TRUSTED = CorsDecision.passed(Reason.TRUSTED_ORIGIN);
    private static final CorsDecision PASS_NO_METADATA = CorsDecision.passed(Reason.NO_FETCH_METADATA);
    private static final CorsDecision PASS_OWN_ORIGIN = CorsDecision.passed(Reason.OWN_ORIGIN);

    /** An {@code Access-Control-Request-Headers} value longer than this is refused unread. */
    static final int MAX_REQUEST_HEADERS_LENGTH = 8192;

    private CorsProcessor() {
    }

    /**
     * An actual (non-preflight) request.
     *
     * @param policy        the covering policy
     * @param origin        the {@code Origin} value (several headers joined by commas), or null
     * @param server        the server's own origins besides {@code requestOrigin}
     * @param requestOrigin the request's own {@code scheme://host[:port]} when a disallowed origin
     *                      may still be refused (under rejectDisallowedOrigins, before the resource
     *                      runs); null once the request is past that point
     * @param request       the request as a request-aware origin predicate sees it; null where it reads none
     */
    static CorsDecision actual(CorsPolicy policy, @Nullable String origin, ServerOrigin server, @Nullable String requestOrigin,
            @Nullable CorsRequestView request) {
        if (policy.answersWildcard()) {
            // "CORS protocol and HTTP caches": a constant '*' needs no Vary: Origin.
            // The whole answer is constant, so it goes on every response, with or without Origin.
            return CorsDecision.allowedActual("*", false, policy.exposeHeaders(), null, Reason.CONSTANT_WILDCARD, policy);
        }
        String vary = policy.varyHeader() ? policy.varyActual() : null;
        if (origin == null) {
            // The constant unless the origin predicate's headers join Vary (the resolver passes the constant itself).
            return vary == null ? NO_ORIGIN : vary == CorsHeaders.VARY_ORIGIN ? NO_ORIGIN_VARY
                    : CorsDecision.withoutHeaders(vary, Reason.NO_ORIGIN, null, null);
        }
        if (policy.origins().allows(origin, request)) {
            return CorsDecision.allowedActual(origin, policy.supportsCredentials(), policy.exposeHeaders(), vary,
                    Reason.ORIGIN_ALLOWED, policy);
        }
        // Same-origin is compared as sent: an Origin outside the grammar (upper case) is no browser's.
        boolean forbid = requestOrigin != null && policy.judgesDisallowedOrigins() && !server.isOwn(origin, requestOrigin);
        return forbid ? CorsDecision.refused(vary, Reason.ORIGIN_REFUSED, policy, origin)
                : CorsDecision.withoutHeaders(vary, Reason.ORIGIN_REFUSED, policy, origin);
    }

    /**
     * Whether a method is safe for crossSiteProtection: {@code GET}, {@code HEAD}, {@code OPTIONS},
     * compared case-sensitively, as Go's {@code CrossOriginProtection} does (RFC 9110 section
     * 9.2.1 also counts {@code TRACE}, which browsers cannot send).
     */
    static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /**
     * crossSiteProtection on a request that is not a preflight: whether a browser sent it
     * cross-site with an unsafe method. The steps of Go 1.25's
     * {@code net/http.CrossOriginProtection.Check}, with the policy's listed origins as its trusted
     * origins: a safe method passes; {@code Sec-Fetch-Site: same-origin} or {@code none} passes
     * (Fetch Metadata, "Sec-Fetch-Site"); an origin the policy lists passes; any other
     * {@code Sec-Fetch-Site} value is refused; without it, no {@code Origin} passes (no browser
     * sends an unsafe request cross-site without one), the server's own origin passes, and any
     * other {@code Origin} is refused. The outcome equals that of the order docs/options.md
     * documents (a listed origin passes before {@code Sec-Fetch-Site} is read); reading
     * {@code Sec-Fetch-Site} first spares the predicate on same-origin requests.
     *
     * @param method        the request method
     * @param origin        {@code Origin} (several joined by commas), or null
     * @param secFetchSite  {@code Sec-Fetch-Site} (several joined by commas), or null
     * @param server        the server's configured own origins
     * @param requestOrigin the request's own origin, asked only when neither Sec-Fetch-Site nor a
     *                      listed origin decides
     */
    static CorsDecision crossSite(CorsPolicy policy, String method, @Nullable String origin, @Nullable String secFetchSite,
            ServerOrigin server, Supplier<String> requestOrigin, @Nullable CorsRequestView request) {
        if (isSafe(method)) {
            return PASS_SAFE_METHOD;
        }
        if ("same-origin".equals(secFetchSite)) {
            return PASS_SAME_ORIGIN;
        }
        if ("none".equals(secFetchSite)) {
            return PASS_USER_INITIATED;
        }
        if (origin != null && policy.origins().allowsListed(origin, request)) {
            return PASS_TRUSTED;
        }
        String vary = policy.varyHeader() ? CorsHeaders.VARY_CROSS_SITE : null;
        if (secFetchSite != null) {
            return CorsDecision.refused(vary, Reason.CROSS_SITE_FETCH_REFUSED, policy, secFetchSite);
        }
        if (origin == null) {
            return PASS_NO_METADATA;
        }
        String own = requestOrigin.get();
        if (server.isOwn(origin, own)) {
            return PASS_OWN_ORIGIN;
        }
        return CorsDecision.refused(vary, Reason.CROSS_SITE_ORIGIN_REFUSED, policy,
                server.publicOrigins().isEmpty() ? own : own + " or publicOrigins " + server.publicOrigins());
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
     * @param request               the announced request as a request-aware origin predicate sees it;
     *                              null where none reads it
     */
    static CorsDecision preflight(List<CorsPolicy> policies, String origin, String requestMethod,
            @Nullable String requestHeaders, @Nullable String requestPrivateNetwork, @Nullable CorsRequestView request) {
        CorsPolicy first = policies.get(0);
        String vary = preflightVary(policies);
        if (!HttpSyntax.isToken(requestMethod)) {
            return CorsDecision.refused(vary, Reason.METHOD_NOT_A_TOKEN, first, requestMethod);
        }
        List<String> headers = parseHeaderList(requestHeaders);
        if (headers == null) {
            return CorsDecision.refused(vary, Reason.HEADERS_NOT_A_LIST, first, requestHeaders);
        }
        for (int i = 0; i < policies.size(); i++) {
            CorsDecision refusal = refusal(policies.get(i), origin, requestMethod, headers, vary, request);
            if (refusal != null) {
                return refusal;
            }
        }
        String allowHeaders = headers.isEmpty() ? null : headers.size() == 1 ? headers.get(0) : String.join(", ", headers);
        if (policies.size() == 1) {
            // Private Network Access: answered only to a preflight that asks.
            String privateNetwork = "true".equals(requestPrivateNetwork) ? Boolean.toString(first.allowPrivateNetwork()) : null;
            return CorsDecision.allowedPreflight(first.answersWildcard() ? "*" : origin, first.supportsCredentials(),
                    first.allowMethods(), allowHeaders, first.hasMaxAge() ? Long.toString(first.maxAge()) : null, privateNetwork,
                    vary, Reason.PREFLIGHT_ALLOWED, first, null);
        }
        return combined(policies, origin, allowHeaders, requestPrivateNetwork, vary);
    }

    /**
     * A preflight refused because a method that would serve it is not covered by CORS at all.
     *
     * @param policies  the policies of the covered methods that would serve it, not empty
     * @param uncovered the uncovered method, for the log
     */
    static CorsDecision uncoveredMethod(List<CorsPolicy> policies, String uncovered) {
        return CorsDecision.refused(preflightVary(policies), Reason.METHOD_NOT_COVERED, policies.get(0), uncovered);
    }

    /**
     * The answer where several methods may serve the request: the browser cannot know which one
     * will, so it grants only what every policy grants (credentials, private network, methods, the
     * shortest max age) and answers {@code *} only when every policy would.
     */
    private static CorsDecision combined(List<CorsPolicy> policies, String origin, @Nullable String allowHeaders,
            @Nullable String requestPrivateNetwork, @Nullable String vary) {
        boolean wildcard = true;
        boolean credentials = true;
        boolean privateNetwork = true;
        long maxAge = Long.MAX_VALUE;
        List<String> methods = new ArrayList<>(policies.get(0).methods());
        StringBuilder sources = new StringBuilder();
        for (CorsPolicy p : policies) {
            wildcard &= p.answersWildcard();
            credentials &= p.supportsCredentials();
            privateNetwork &= p.allowPrivateNetwork();
            methods.retainAll(p.methods());
            maxAge = p.hasMaxAge() ? Math.min(maxAge, p.maxAge()) : CorsPolicy.NO_MAX_AGE;
            sources.append(sources.length() == 0 ? "" : " and ").append(p.source());
        }
        return CorsDecision.allowedPreflight(wildcard ? "*" : origin, credentials, String.join(", ", methods), allowHeaders,
                maxAge == CorsPolicy.NO_MAX_AGE || maxAge == Long.MAX_VALUE ? null : Long.toString(maxAge),
                "true".equals(requestPrivateNetwork) ? Boolean.toString(privateNetwork) : null, vary,
                Reason.PREFLIGHT_ALLOWED_BY_EVERY_METHOD, policies.get(0), sources.toString());
    }

    /**
     * The {@code Vary} tokens of a preflight answer: it depends on the announced method and
     * headers, and on the origin and the headers origin predicates read unless every policy
     * answers a constant {@code *}. None when no policy adds {@code Vary}.
     */
    static @Nullable String preflightVary(List<CorsPolicy> policies) {
        boolean any = false;
        boolean allWildcard = true;
        for (int i = 0; i < policies.size(); i++) {
            any |= policies.get(i).varyHeader();
            allWildcard &= policies.get(i).answersWildcard();
        }
        if (!any) {
            return null;
        }
        if (allWildcard) {
            return CorsHeaders.VARY_PREFLIGHT_WILDCARD;
        }
        if (policies.size() == 1) {
            return policies.get(0).varyPreflight();
        }
        String vary = CorsHeaders.VARY_PREFLIGHT;
        for (CorsPolicy p : policies) {
            String merged = p.answersWildcard() ? null : VaryHeader.merge(List.of(vary), p.varyPreflight());
            vary = merged == null ? vary : merged;
        }
        return vary;
    }

    /** The refusal of the preflight by {@code policy}, or null when it allows it. */
    private static @Nullable CorsDecision refusal(CorsPolicy policy, String origin, String method, List<String> headers,
            @Nullable String vary, @Nullable CorsRequestView request) {
        if (!policy.answersWildcard() && !policy.origins().allows(origin, request)) {
            return CorsDecision.refused(vary, Reason.PREFLIGHT_ORIGIN_REFUSED, policy, origin);
        }
        if (!policy.methods().contains(method)) {
            return CorsDecision.refused(vary, Reason.METHOD_REFUSED, policy, method);
        }
        for (int i = 0; i < headers.size(); i++) {
            if (!policy.allowHeaders().allows(headers.get(i))) {
                return CorsDecision.refused(vary, Reason.HEADER_REFUSED, policy, headers.get(i));
            }
        }
        return null;
    }

    /**
     * Parses {@code Access-Control-Request-Headers}: comma-separated header names, optional
     * whitespace, empty elements skipped, names lower-cased. Null when an element is not a token,
     * is {@code *}, or the value is oversized; an empty list for an absent value.
     */
    static @Nullable List<String> parseHeaderList(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_REQUEST_HEADERS_LENGTH) {
            return null;
        }
        if (isLowerToken(value)) {
            // One name already in its canonical form, as a browser sends one header: nothing to split,
            // trim, lower-case or deduplicate.
            return value.equals("*") ? null : List.of(value);
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

    /** A token without upper-case letters (so without commas or whitespace either). */
    private static boolean isLowerToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z' || !HttpSyntax.isTchar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
