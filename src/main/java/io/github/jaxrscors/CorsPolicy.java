package io.github.jaxrscors;

import java.util.List;

/**
 * The resolved, validated CORS policy of one resource method (or of a path rule): every option
 * has its value.
 *
 * @param source                  where the policy applies, for logs ({@code UserResource#list})
 * @param origins                 allowed origins
 * @param methods                 allowed methods (case-sensitive), in the configured order
 * @param allowHeaders            allowed request header names
 * @param exposeHeaders           the {@code Access-Control-Expose-Headers} value, or null
 * @param supportsCredentials     send {@code Access-Control-Allow-Credentials: true}
 * @param maxAge                  the preflight cache time in seconds, or {@link #NO_MAX_AGE}
 * @param sendWildcard            answer {@code *} (effective only with origins {@code *}, no credentials)
 * @param varyHeader              add {@code Vary}
 * @param allowPrivateNetwork     answer private network preflights with {@code true}
 * @param automaticOptions        preflights answered by the library even where {@code @OPTIONS} exists
 * @param interceptExceptions     error responses carry the headers
 * @param rejectDisallowedOrigins {@code 403} for disallowed origins
 * @param crossSiteProtection     {@code 403} for cross-site requests with an unsafe method
 * @param varyActual              the {@code Vary} tokens of actual responses whose answer depends on
 *                                the origin: {@code Origin}, then the headers the origin predicate reads
 * @param varyPreflight           the {@code Vary} tokens of preflight answers: {@code Origin}, the
 *                                announced method and headers, then the headers the origin predicate reads
 */
record CorsPolicy(String source, OriginMatcher origins, List<String> methods, HeaderMatcher allowHeaders,
        String exposeHeaders, boolean supportsCredentials, long maxAge, boolean sendWildcard, boolean varyHeader,
        boolean allowPrivateNetwork, boolean automaticOptions, boolean interceptExceptions,
        boolean rejectDisallowedOrigins, boolean crossSiteProtection, String varyActual, String varyPreflight) {

    /** {@link #maxAge()} when no {@code Access-Control-Max-Age} is sent. */
    static final long NO_MAX_AGE = -1;

    CorsPolicy {
        methods = List.copyOf(methods);
    }

    /** The {@code Access-Control-Allow-Methods} value: the methods, comma-joined. */
    String allowMethods() {
        return String.join(", ", methods);
    }

    boolean hasMaxAge() {
        return maxAge != NO_MAX_AGE;
    }

    /**
     * The policy answers {@code Access-Control-Allow-Origin: *} to everyone, so its answer does not
     * depend on the origin (and needs no {@code Vary: Origin}).
     */
    boolean answersWildcard() {
        return sendWildcard && origins.any() && !supportsCredentials;
    }

    /** Every setting, without the source: two policies with equal settings answer alike. */
    String settings() {
        String text = toString();
        return text.substring(source.length() + 1);
    }

    @Override
    public String toString() {
        return source + " {origins=[" + origins + "], methods=[" + allowMethods() + "], allowHeaders=[" + allowHeaders
                + "], exposeHeaders=[" + (exposeHeaders == null ? "" : exposeHeaders) + "], supportsCredentials="
                + supportsCredentials + ", maxAge=" + (hasMaxAge() ? Long.toString(maxAge) : "none") + ", sendWildcard="
                + sendWildcard + ", varyHeader=" + varyHeader + ", allowPrivateNetwork=" + allowPrivateNetwork
                + ", automaticOptions=" + automaticOptions + ", interceptExceptions=" + interceptExceptions
                + ", rejectDisallowedOrigins=" + rejectDisallowedOrigins + ", crossSiteProtection=" + crossSiteProtection
                + (varyActual.equals(CorsHeaders.VARY_ORIGIN) ? "" : ", vary=[" + varyActual + "]") + "}";
    }
}
