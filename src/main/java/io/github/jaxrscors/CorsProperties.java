package io.github.jaxrscors;

/**
 * Configuration property keys read from the application's {@code Configuration}: the lowest
 * configured layer, below the {@link CorsFeature.Builder} options and above the defaults.
 *
 * <pre>{@code
 * new ResourceConfig(UserResource.class)
 *         .property(CorsProperties.ORIGINS, "https://app.example.com, https://admin.example.com")
 *         .property(CorsProperties.MAX_AGE, "PT10M")
 *         .register(CorsFeature.class);
 * }</pre>
 *
 * <p>Value forms: lists as a comma-separated {@code String}, a {@code String[]} or a
 * {@code Collection<String>}; flags as a {@code Boolean} or {@code "true"}/{@code "false"}; max age
 * as a {@code Number} of seconds, a {@code java.time.Duration}, or a {@code String} of seconds or
 * ISO-8601 ({@code "PT10M"}). Flag strings may be in any case, with surrounding spaces. A value of
 * any other type or form fails startup with a message that names the key, and so do an empty list
 * (it would allow nothing) and an unknown {@code jaxrs.cors.} key (a misspelt key would otherwise be
 * ignored).
 */
public final class CorsProperties {

    /** Allowed origins ({@code Access-Control-Allow-Origin}); see {@link CrossOrigin#origins()}. */
    public static final String ORIGINS = "jaxrs.cors.origins";
    /** Allowed origin regexes, whole match; see {@link CrossOrigin#originPatterns()}. */
    public static final String ORIGIN_PATTERNS = "jaxrs.cors.origin-patterns";
    /** Allowed methods ({@code Access-Control-Allow-Methods}); see {@link CrossOrigin#methods()}. */
    public static final String METHODS = "jaxrs.cors.methods";
    /** Allowed request headers ({@code Access-Control-Allow-Headers}); see {@link CrossOrigin#allowHeaders()}. */
    public static final String ALLOW_HEADERS = "jaxrs.cors.allow-headers";
    /** Allowed request header regexes; see {@link CrossOrigin#allowHeaderPatterns()}. */
    public static final String ALLOW_HEADER_PATTERNS = "jaxrs.cors.allow-header-patterns";
    /** Exposed response headers ({@code Access-Control-Expose-Headers}); see {@link CrossOrigin#exposeHeaders()}. */
    public static final String EXPOSE_HEADERS = "jaxrs.cors.expose-headers";
    /** {@code Access-Control-Allow-Credentials: true}; see {@link CrossOrigin#supportsCredentials()}. */
    public static final String SUPPORTS_CREDENTIALS = "jaxrs.cors.supports-credentials";
    /** Preflight cache time ({@code Access-Control-Max-Age}); see {@link CrossOrigin#maxAge()}. */
    public static final String MAX_AGE = "jaxrs.cors.max-age";
    /** Literal {@code *} instead of the echoed origin; see {@link CrossOrigin#sendWildcard()}. */
    public static final String SEND_WILDCARD = "jaxrs.cors.send-wildcard";
    /** {@code Vary: Origin}; see {@link CrossOrigin#varyHeader()}. */
    public static final String VARY_HEADER = "jaxrs.cors.vary-header";
    /** {@code Access-Control-Allow-Private-Network}; see {@link CrossOrigin#allowPrivateNetwork()}. */
    public static final String ALLOW_PRIVATE_NETWORK = "jaxrs.cors.allow-private-network";
    /** Preflights answered by the library; see {@link CrossOrigin#automaticOptions()}. */
    public static final String AUTOMATIC_OPTIONS = "jaxrs.cors.automatic-options";
    /** CORS headers on error responses; see {@link CorsOptions.Builder#interceptExceptions(boolean)}. */
    public static final String INTERCEPT_EXCEPTIONS = "jaxrs.cors.intercept-exceptions";
    /** {@code 403} for disallowed origins; see {@link CorsOptions.Builder#rejectDisallowedOrigins(boolean)}. */
    public static final String REJECT_DISALLOWED_ORIGINS = "jaxrs.cors.reject-disallowed-origins";
    /** {@code 403} for cross-site unsafe requests; see {@link CrossOrigin#crossSiteProtection()}. */
    public static final String CROSS_SITE_PROTECTION = "jaxrs.cors.cross-site-protection";
    /** rejectDisallowedOrigins reports instead of refusing; see {@link CorsOptions.Builder#rejectDisallowedOriginsReportOnly(boolean)}. */
    public static final String REJECT_DISALLOWED_ORIGINS_REPORT_ONLY = "jaxrs.cors.reject-disallowed-origins-report-only";
    /** crossSiteProtection reports instead of refusing; see {@link CrossOrigin#crossSiteProtectionReportOnly()}. */
    public static final String CROSS_SITE_PROTECTION_REPORT_ONLY = "jaxrs.cors.cross-site-protection-report-only";
    /** The server's own public origins (application-wide); see {@link CorsFeature.Builder#publicOrigins(String...)}. */
    public static final String PUBLIC_ORIGINS = "jaxrs.cors.public-origins";
    /** Trust {@code Forwarded} / {@code X-Forwarded-*} (application-wide); see {@link CorsFeature.Builder#trustForwardedHeaders(boolean)}. */
    public static final String TRUST_FORWARDED_HEADERS = "jaxrs.cors.trust-forwarded-headers";

    // Request properties: set by the library on each covered request, read by application code.

    /**
     * Request property, not a configuration key: whether the CORS decision allowed the request's
     * origin, as a {@code Boolean}. {@code TRUE} when the request sent an {@code Origin} that its
     * policy allows (for a preflight: when the preflight is allowed); {@code FALSE} when it sent
     * none, or one that is refused. Set on every covered request before any resource method or
     * later filter runs (a request that matches no resource method, a 404 or 405, gets none), so
     * code that answers without the browser's CORS check (a WebSocket or server-sent events
     * handshake, an audit log) can reuse the decision:
     *
     * <pre>{@code
     * @GET @Path("events") @Produces(MediaType.SERVER_SENT_EVENTS)
     * public void events(@Context ContainerRequestContext request, @Context SseEventSink sink) {
     *     if (!Boolean.TRUE.equals(request.getProperty(CorsProperties.ORIGIN_ALLOWED))) { ... }
     * }
     * }</pre>
     *
     * <p>In a servlet container the request properties are the servlet request's attributes.
     */
    public static final String ORIGIN_ALLOWED = "io.github.jaxrscors.origin-allowed";

    /**
     * Request property, not a configuration key: where the policy that decided the request comes
     * from, as a {@code String} for logs ({@code UserResource#list}, {@code resource("/api/.*")},
     * {@code every resource}; a method under a rule: {@code UserResource#list under resource("/api/.*")}).
     * Set with {@link #ORIGIN_ALLOWED}; absent on requests no policy covers.
     */
    public static final String POLICY = "io.github.jaxrscors.policy";

    private CorsProperties() {
    }
}
