package io.github.jaxrscors;

import org.jspecify.annotations.Nullable;

/**
 * One CORS decision, as a {@link CorsDecisionListener} receives it: what happened to the request
 * ({@link #outcome()}), why ({@link #reason()}, a stable code documented in
 * {@code docs/troubleshooting.md}), the policy that decided ({@link #policy()}, as the startup line
 * names it), the request's method, the path template it matched (never the raw path) and its
 * {@code Origin}, escaped. Every value is bounded except the origin, so all but the origin may
 * key a metric.
 */
public final class CorsDecisionEvent {

    /** What happened to the request. */
    public enum Outcome {
        /** An actual request given CORS headers: the browser lets the script read the answer. */
        ACTUAL_ALLOWED,
        /** An actual request that proceeds without {@code Access-Control-*} headers: the browser blocks the read. */
        ACTUAL_WITHOUT_HEADERS,
        /** A preflight answered {@code 200} with CORS headers: the browser sends the actual request. */
        PREFLIGHT_ALLOWED,
        /** A preflight answered {@code 403} without CORS headers: the browser never sends the actual request. */
        PREFLIGHT_REFUSED,
        /** An actual request refused with {@code 403} by rejectDisallowedOrigins; the resource did not run. */
        REFUSED_DISALLOWED_ORIGIN,
        /** An unsafe cross-site request refused with {@code 403} by crossSiteProtection; the resource did not run. */
        REFUSED_CROSS_SITE,
        /**
         * An actual request a strict option in report-only mode would have refused; it proceeded exactly
         * as with the option off. The {@link #reason()} says which option: {@link Reason#ORIGIN_REFUSED}
         * for rejectDisallowedOrigins, {@link Reason#CROSS_SITE_FETCH_REFUSED} or
         * {@link Reason#CROSS_SITE_ORIGIN_REFUSED} for crossSiteProtection.
         */
        WOULD_REFUSE
    }

    /** Why: a stable code, one per cause (docs/troubleshooting.md has the table: what the browser shows, cause, fix). */
    public enum Reason {
        /** No {@code Origin} header: not a CORS request (a same-origin {@code GET}, a server-side client). */
        NO_ORIGIN,
        /** Origins {@code *} answered with a literal {@code *} (sendWildcard). */
        CONSTANT_WILDCARD,
        /** The origin is allowed by the policy. */
        ORIGIN_ALLOWED,
        /** An actual request's origin is not allowed (or is malformed). */
        ORIGIN_REFUSED,
        /** A preflight's origin is not allowed (or is malformed). */
        PREFLIGHT_ORIGIN_REFUSED,
        /** A preflight's {@code Access-Control-Request-Method} is not a method token. */
        METHOD_NOT_A_TOKEN,
        /** A preflight's {@code Access-Control-Request-Headers} is not a list of header names. */
        HEADERS_NOT_A_LIST,
        /** The method a preflight announces is not allowed by the policy. */
        METHOD_REFUSED,
        /** A request header a preflight announces is not allowed by the policy. */
        HEADER_REFUSED,
        /** A resource method that would serve the announced request is covered by no CORS policy. */
        METHOD_NOT_COVERED,
        /** The preflight is allowed by the policy. */
        PREFLIGHT_ALLOWED,
        /** The preflight is allowed by every policy of the methods that may serve it. */
        PREFLIGHT_ALLOWED_BY_EVERY_METHOD,
        /** crossSiteProtection: {@code Sec-Fetch-Site} says another site (or same-site) sent an unsafe request from an unlisted origin. */
        CROSS_SITE_FETCH_REFUSED,
        /** crossSiteProtection: no {@code Sec-Fetch-Site}, and the {@code Origin} is neither listed nor the server's own. */
        CROSS_SITE_ORIGIN_REFUSED
    }

    private final Outcome outcome;
    private final Reason reason;
    private final String policy;
    private final String method;
    private final String pathTemplate;
    private final @Nullable String origin;

    CorsDecisionEvent(Outcome outcome, Reason reason, String policy, String method, String pathTemplate, @Nullable String origin) {
        this.outcome = outcome;
        this.reason = reason;
        this.policy = policy;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.origin = origin;
    }

    /**
     * What happened to the request.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Why, as a stable code.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The policy that decided, as the startup line names it: {@code CorsFeature.builder()} (with the
     * properties and defaults), {@code resource("/api/.*")}, or an annotated method or class.
     *
     * @return the policy's source
     */
    public String policy() {
        return policy;
    }

    /**
     * The request's HTTP method as sent ({@code OPTIONS} for a preflight).
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The path template the request matched, relative to the application root ({@code /users/{id}});
     * empty where no resource matched (a {@code 404} answered with CORS headers). Never the raw
     * path, so that it stays bounded.
     *
     * @return the template, or empty
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /**
     * The request's {@code Origin}, escaped as in the library's log lines (control and non-ASCII
     * characters as {@code \\uXXXX}, cut to 200 characters); unbounded in number, so never a
     * metric tag.
     *
     * @return the escaped origin, or null where the request sent none
     */
    public @Nullable String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return outcome + " " + reason + " " + method + " " + (pathTemplate.isEmpty() ? "(no match)" : pathTemplate) + " from "
                + (origin == null ? "(no Origin)" : origin) + " by " + policy;
    }
}
