package io.github.jaxrscors;

/**
 * What to answer: the outcome and the header values to set (null: leave the header out).
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
 * @param reason              why, for the DEBUG log
 */
record CorsDecision(Outcome outcome, String allowOrigin, boolean allowCredentials, String exposeHeaders,
        String allowMethods, String allowHeaders, String maxAge, String allowPrivateNetwork, String vary,
        String reason) {

    /** What happens to the request. */
    enum Outcome {
        /** CORS headers granted; the request proceeds (or the preflight is answered 200). */
        ALLOWED,
        /** No CORS headers; the request proceeds (the browser will block the read). */
        DENIED,
        /** Refused with 403 and no {@code Access-Control-*} header: a rejected preflight, or a
         *  disallowed origin under rejectDisallowedOrigins. */
        FORBIDDEN
    }

    static CorsDecision denied(Outcome outcome, String vary, String reason) {
        return new CorsDecision(outcome, null, false, null, null, null, null, null, vary, reason);
    }

    boolean forbidden() {
        return outcome == Outcome.FORBIDDEN;
    }
}
