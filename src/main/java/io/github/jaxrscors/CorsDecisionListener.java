package io.github.jaxrscors;

/**
 * Told of each CORS decision the library takes: one {@link CorsDecisionEvent} per covered request
 * (a preflight, an actual request, a request refused by rejectDisallowedOrigins or
 * crossSiteProtection, or one they would have refused in report-only mode). Registered with
 * {@link CorsFeature.Builder#decisionListener(CorsDecisionListener)}.
 *
 * <p>It is called on the request's thread, before the response is written, so it should be quick
 * (count, queue, sample). An exception it throws never breaks the request: the library logs it at
 * {@code WARNING} once per listener class (then at {@code DEBUG}) and goes on.
 */
@FunctionalInterface
public interface CorsDecisionListener {

    /**
     * Called once per covered request with the decision taken on it.
     *
     * @param event what was decided and why; valid beyond the call (it holds no request)
     */
    void onDecision(CorsDecisionEvent event);
}
