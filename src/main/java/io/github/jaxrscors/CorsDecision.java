package io.github.jaxrscors;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to answer: the outcome, the header values to set (null: leave the header out) and why.
 * Made only through the named factories; the explanation is built from {@link #reason()} when a
 * log asks for it, so deciding costs no string building.
 *
 * @param outcome             what happens to the request
 * @param allowOrigin         {@code Access-Control-Allow-Origin}
 * @param allowCredentials    {@code Access-Control-Allow-Credentials: true}
 * @param exposeHeaders       {@code Access-Control-Expose-Headers}
 * @param allowMethods        {@code Access-Control-Allow-Methods} (preflight)
 * @param allowHeaders        {@code Access-Control-Allow-Headers} (preflight)
 * @param maxAge              {@code Access-Control-Max-Age} (preflight)
 * @param allowPrivateNetwork {@code Access-Control-Allow-Private-Network} (preflight)
 * @param vary                tokens to merge into {@code Vary}
 * @param reason              why, as a code
 * @param policy              the policy that decided, or null where none did (no Origin)
 * @param detail              the request value or names the reason refers to, or null
 */
record CorsDecision(Outcome outcome, @Nullable String allowOrigin, boolean allowCredentials, @Nullable String exposeHeaders,
        @Nullable String allowMethods, @Nullable String allowHeaders, @Nullable String maxAge, @Nullable String allowPrivateNetwork,
        @Nullable String vary, Reason reason, @Nullable CorsPolicy policy, @Nullable String detail) {

    /** What happens to the request; {@link #toString()} is the word the DEBUG log prints. */
    enum Outcome {
        /** CORS headers granted; the request proceeds (or the preflight is answered 200). */
        ALLOWED("ALLOWED"),
        /** No CORS headers; the request proceeds (the browser will block the read). Logged as
         *  {@code DENIED}, the word docs/troubleshooting.md explains. */
        WITHOUT_HEADERS("DENIED"),
        /** Refused with 403 and no {@code Access-Control-*} header: a rejected preflight, a
         *  disallowed origin under rejectDisallowedOrigins, or a cross-site request under
         *  crossSiteProtection. */
        FORBIDDEN("FORBIDDEN"),
        /** Let through by crossSiteProtection; the CORS answer is decided once the resource has run. */
        PASSED("PASSED"),
        /** A refusal of a strict option in report-only mode: no CORS headers, and the request proceeds
         *  as {@link #WITHOUT_HEADERS}; logged as {@code WOULD-REFUSE}. */
        REPORTED("WOULD-REFUSE");

        private final String logged;

        Outcome(String logged) {
            this.logged = logged;
        }

        @Override
        public String toString() {
            return logged;
        }
    }

    /** Why: each value renders its explanation for the DEBUG log. */
    enum Reason {
        NO_ORIGIN,
        CONSTANT_WILDCARD,
        ORIGIN_ALLOWED,
        ORIGIN_REFUSED,
        PREFLIGHT_ORIGIN_REFUSED,
        METHOD_NOT_A_TOKEN,
        HEADERS_NOT_A_LIST,
        METHOD_REFUSED,
        HEADER_REFUSED,
        METHOD_NOT_COVERED,
        PREFLIGHT_ALLOWED,
        PREFLIGHT_ALLOWED_BY_EVERY_METHOD,
        // crossSiteProtection (Go's net/http.CrossOriginProtection), in the order it decides.
        SAFE_METHOD,
        SAME_ORIGIN_FETCH,
        USER_INITIATED_FETCH,
        TRUSTED_ORIGIN,
        CROSS_SITE_FETCH_REFUSED,
        NO_FETCH_METADATA,
        OWN_ORIGIN,
        CROSS_SITE_ORIGIN_REFUSED
    }

    /** An allowed actual request: the origin (or {@code *}) granted, with credentials and exposed headers. */
    static CorsDecision allowedActual(String allowOrigin, boolean credentials, @Nullable String exposeHeaders, @Nullable String vary,
            Reason reason, CorsPolicy policy) {
        return new CorsDecision(Outcome.ALLOWED, allowOrigin, credentials, exposeHeaders, null, null, null, null, vary, reason,
                policy, null);
    }

    /** An allowed preflight: answered 200 with these values. */
    static CorsDecision allowedPreflight(String allowOrigin, boolean credentials, String allowMethods, @Nullable String allowHeaders,
            @Nullable String maxAge, @Nullable String allowPrivateNetwork, @Nullable String vary, Reason reason, CorsPolicy policy,
            @Nullable String detail) {
        return new CorsDecision(Outcome.ALLOWED, allowOrigin, credentials, null, allowMethods, allowHeaders, maxAge,
                allowPrivateNetwork, vary, reason, policy, detail);
    }

    /** No {@code Access-Control-*} header; the request proceeds. */
    static CorsDecision withoutHeaders(@Nullable String vary, Reason reason, @Nullable CorsPolicy policy, @Nullable String detail) {
        return new CorsDecision(Outcome.WITHOUT_HEADERS, null, false, null, null, null, null, null, vary, reason, policy, detail);
    }

    /** Refused with 403 and no {@code Access-Control-*} header. */
    static CorsDecision refused(@Nullable String vary, Reason reason, @Nullable CorsPolicy policy, @Nullable String detail) {
        return new CorsDecision(Outcome.FORBIDDEN, null, false, null, null, null, null, null, vary, reason, policy, detail);
    }

    /** Let through by crossSiteProtection, without headers: the response filter decides those. */
    static CorsDecision passed(Reason reason) {
        return new CorsDecision(Outcome.PASSED, null, false, null, null, null, null, null, null, reason, null, null);
    }

    /** This refusal of a strict option, in report-only mode: the request proceeds without headers. */
    CorsDecision reported() {
        return new CorsDecision(Outcome.REPORTED, null, false, null, null, null, null, null, vary, reason, policy, detail);
    }

    boolean forbidden() {
        return outcome == Outcome.FORBIDDEN;
    }

    boolean reportedOnly() {
        return outcome == Outcome.REPORTED;
    }

    boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** The reason as a sentence for the log; request values in it are escaped. */
    String explain() {
        CorsPolicy policy = this.policy;
        String source = policy == null ? "" : policy.source();
        switch (reason) {
            case NO_ORIGIN:
                return "no Origin header: not a CORS request";
            case CONSTANT_WILDCARD:
                return "origins * answered with a literal * (sendWildcard)";
            case ORIGIN_ALLOWED:
                return "origin allowed by " + source;
            case ORIGIN_REFUSED:
                return "origin " + originRefusal() + "; " + (forbidden() ? "rejectDisallowedOrigins answers 403"
                        : reportedOnly() ? "no CORS headers sent; rejectDisallowedOrigins would answer 403 (report-only)" : "no CORS headers sent");
            case PREFLIGHT_ORIGIN_REFUSED:
                return "origin " + CorsLog.escape(detail) + " " + originRefusal();
            case METHOD_NOT_A_TOKEN:
                return "Access-Control-Request-Method " + CorsLog.escape(detail) + " is not a method token";
            case HEADERS_NOT_A_LIST:
                return "Access-Control-Request-Headers " + CorsLog.escape(detail) + " is not a list of header names";
            case METHOD_REFUSED:
                return "method " + CorsLog.escape(detail) + " not allowed by " + source + " (allowed: "
                        + String.join(", ", decider().methods()) + ")";
            case HEADER_REFUSED:
                return "request header " + CorsLog.escape(detail) + " not allowed by " + source + " (allowed: "
                        + decider().allowHeaders() + ")";
            case METHOD_NOT_COVERED:
                return "a method serving this request is not covered by CORS: " + detail;
            case PREFLIGHT_ALLOWED:
                return "preflight allowed by " + source;
            case PREFLIGHT_ALLOWED_BY_EVERY_METHOD:
                return "preflight allowed by every method that may serve it: " + detail;
            case SAFE_METHOD:
                return "a safe method (GET, HEAD, OPTIONS): crossSiteProtection does not check it";
            case SAME_ORIGIN_FETCH:
                return "Sec-Fetch-Site: same-origin: crossSiteProtection lets it through";
            case USER_INITIATED_FETCH:
                return "Sec-Fetch-Site: none (the user opened it): crossSiteProtection lets it through";
            case TRUSTED_ORIGIN:
                return "the origin is listed by the policy, so crossSiteProtection trusts it";
            case CROSS_SITE_FETCH_REFUSED:
                return "Sec-Fetch-Site " + CorsLog.escape(detail) + " on an unsafe method from an origin " + source
                        + " does not list (" + decider().origins() + "; \"*\" and \"null\" trust no site); " + crossSiteAnswer();
            case NO_FETCH_METADATA:
                return "neither Sec-Fetch-Site nor Origin: no browser sent it cross-site; crossSiteProtection lets it through";
            case OWN_ORIGIN:
                return "no Sec-Fetch-Site, and the Origin is the server's own: crossSiteProtection lets it through";
            case CROSS_SITE_ORIGIN_REFUSED:
                return "no Sec-Fetch-Site, and the Origin is neither listed by " + source + " (" + decider().origins()
                        + ") nor the server's own " + CorsLog.escape(detail) + "; " + crossSiteAnswer();
            default:
                throw new AssertionError(reason);
        }
    }

    private String crossSiteAnswer() {
        return reportedOnly() ? "crossSiteProtection would answer 403 (report-only); the request goes on" : "crossSiteProtection answers 403";
    }

    /** The policy that decided, for the reasons that always have one. */
    private CorsPolicy decider() {
        return Objects.requireNonNull(policy, "a decision for this reason names its policy");
    }

    /** Why the origin in {@link #detail()} is refused: malformed, or not allowed by the policy. */
    private String originRefusal() {
        String defect = HttpSyntax.originDefect(detail);
        return defect != null ? "is malformed (" + defect + "), so no policy allows it"
                : "not allowed by " + decider().source() + " (allowed: " + decider().origins() + ")";
    }

    @Override
    public String toString() {
        return outcome + " (" + reason + (policy == null ? "" : " by " + policy.source()) + ")";
    }
}
