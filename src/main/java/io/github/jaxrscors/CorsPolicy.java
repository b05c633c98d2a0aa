package io.github.jaxrscors;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The resolved, validated CORS policy of one resource method (or of a path rule): every option
 * has its value.
 *
 * @param source                  where the policy applies, for logs ({@code UserResource#list})
 * @param origins                 allowed origins
 * @param methods                 allowed methods (case-sensitive), in the configured order
 * @param allowHeaders            allowed request header names
 * @param exposeHeaders           the {@code Access-Control-Expose-Headers} value, or null
 * @param maxAge                  the preflight cache time in seconds, or {@link #NO_MAX_AGE}
 * @param flags                   the flags ({@link Option#FLAGS}) that are on, each at its {@link Option#bit()}
 * @param varyActual              the {@code Vary} tokens of actual responses whose answer depends on
 *                                the origin: {@code Origin}, then the headers the origin predicate reads
 * @param varyPreflight           the {@code Vary} tokens of preflight answers: {@code Origin}, the
 *                                announced method and headers, then the headers the origin predicate reads
 */
record CorsPolicy(String source, OriginMatcher origins, List<String> methods, HeaderMatcher allowHeaders,
        @Nullable String exposeHeaders, long maxAge, int flags, String varyActual, String varyPreflight) {

    /** {@link #maxAge()} when no {@code Access-Control-Max-Age} is sent. */
    static final long NO_MAX_AGE = -1;

    CorsPolicy {
        methods = List.copyOf(methods);
    }

    /** Whether {@code flag} is on. */
    boolean is(Option<Boolean> flag) {
        return (flags & flag.bit()) != 0;
    }

    /** Send {@code Access-Control-Allow-Credentials: true}. */
    boolean supportsCredentials() {
        return is(Option.SUPPORTS_CREDENTIALS);
    }

    /** Answer {@code *} (effective only with origins {@code *}, no credentials). */
    boolean sendWildcard() {
        return is(Option.SEND_WILDCARD);
    }

    /** Add {@code Vary}. */
    boolean varyHeader() {
        return is(Option.VARY_HEADER);
    }

    /** Answer private network preflights with {@code true}. */
    boolean allowPrivateNetwork() {
        return is(Option.ALLOW_PRIVATE_NETWORK);
    }

    /** Preflights answered by the library even where {@code @OPTIONS} exists. */
    boolean automaticOptions() {
        return is(Option.AUTOMATIC_OPTIONS);
    }

    /** Error responses carry the headers. */
    boolean interceptExceptions() {
        return is(Option.INTERCEPT_EXCEPTIONS);
    }

    /** {@code 403} for disallowed origins. */
    boolean rejectDisallowedOrigins() {
        return is(Option.REJECT_DISALLOWED_ORIGINS);
    }

    /** {@code 403} for cross-site requests with an unsafe method. */
    boolean crossSiteProtection() {
        return is(Option.CROSS_SITE_PROTECTION);
    }

    /** rejectDisallowedOrigins reports what it would refuse instead of refusing it. */
    boolean rejectDisallowedOriginsReportOnly() {
        return is(Option.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY);
    }

    /** crossSiteProtection reports what it would refuse instead of refusing it. */
    boolean crossSiteProtectionReportOnly() {
        return is(Option.CROSS_SITE_PROTECTION_REPORT_ONLY);
    }

    /** A disallowed origin is judged as rejectDisallowedOrigins does: to refuse it, or to report it. */
    boolean judgesDisallowedOrigins() {
        return rejectDisallowedOrigins() || rejectDisallowedOriginsReportOnly();
    }

    /** A request is judged as crossSiteProtection does: to refuse it, or to report it. */
    boolean judgesCrossSite() {
        return crossSiteProtection() || crossSiteProtectionReportOnly();
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
        return sendWildcard() && origins.any() && !supportsCredentials();
    }

    /** Every setting, without the source: two policies with equal settings answer alike. */
    String settings() {
        String text = toString();
        return text.substring(source.length() + 1);
    }

    /** The source and every setting; the flags and maxAge in the catalogue's order. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source).append(" {origins=[").append(origins).append("], methods=[")
                .append(allowMethods()).append("], allowHeaders=[").append(allowHeaders).append("], exposeHeaders=[")
                .append(exposeHeaders == null ? "" : exposeHeaders).append(']');
        for (Option<?> o : Option.POLICY) {
            if (o == Option.MAX_AGE) {
                sb.append(", maxAge=").append(hasMaxAge() ? Long.toString(maxAge) : "none");
            } else if (o.kind() == Option.Kind.FLAG) {
                sb.append(", ").append(o.name()).append('=').append((flags & o.bit()) != 0);
            }
        }
        return sb.append(varyActual.equals(CorsHeaders.VARY_ORIGIN) ? "" : ", vary=[" + varyActual + "]").append('}').toString();
    }
}
