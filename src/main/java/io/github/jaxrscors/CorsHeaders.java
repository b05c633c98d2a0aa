package io.github.jaxrscors;

/**
 * The CORS protocol's header names and the {@code Vary} tokens the library adds: the one place
 * they are spelt (Fetch standard, "HTTP requests" and "HTTP responses" of the CORS protocol).
 */
final class CorsHeaders {

    // Response headers, as written.
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";
    static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";
    static final String VARY = "Vary";

    // Request headers in lower case, as looked up: header maps that hash a name by lower-casing it
    // copy a name with capitals on every look-up, and take a lower-case name as it is.
    static final String ORIGIN = "origin";
    static final String REQUEST_METHOD = "access-control-request-method";
    static final String REQUEST_HEADERS = "access-control-request-headers";
    static final String REQUEST_PRIVATE_NETWORK = "access-control-request-private-network";
    // Read by crossSiteProtection and, when trusted, for the server's own origin.
    static final String SEC_FETCH_SITE = "sec-fetch-site";
    static final String FORWARDED = "forwarded";
    static final String X_FORWARDED_PROTO = "x-forwarded-proto";
    static final String X_FORWARDED_HOST = "x-forwarded-host";
    /** {@code Vary} in lower case, for the same reason. */
    static final String VARY_KEY = "vary";

    // Vary tokens ("CORS protocol and HTTP caches").
    static final String VARY_ORIGIN = "Origin";
    static final String VARY_PREFLIGHT = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    static final String VARY_PREFLIGHT_WILDCARD = "Access-Control-Request-Method, Access-Control-Request-Headers";
    /** What a crossSiteProtection refusal read. */
    static final String VARY_CROSS_SITE = "Origin, Sec-Fetch-Site";

    private CorsHeaders() {
    }
}
