package io.github.jaxrscors;

import org.glassfish.jersey.spi.Contract;

/**
 * Told of each CORS decision the library takes: one {@link CorsDecisionEvent} per covered request
 * (a preflight, an actual request, a request refused by rejectDisallowedOrigins or
 * crossSiteProtection, or one they would have refused in report-only mode). Registered with
 * {@link CorsFeature.Builder#decisionListener(CorsDecisionListener)}, or on the application like a
 * provider, where the feature is configured by properties alone: {@code register(new MyListener())},
 * or {@code register(MyListener.class)} for Jersey to make one (public, with a public no-argument
 * constructor). Listeners registered both ways are all called, the builder's first; one instance
 * registered both ways is called once. ({@code @Contract} is what makes Jersey take it as a provider;
 * without Jersey on the class path the annotation is ignored.)
 *
 * <p>It is called on the request's thread, before the response is written, so it should be quick
 * (count, queue, sample). An exception it throws never breaks the request: the library logs it at
 * {@code WARNING} once per listener class (then at {@code DEBUG}) and goes on.
 */
@Contract
@FunctionalInterface
public interface CorsDecisionListener {

    /**
     * Called once per covered request with the decision taken on it.
     *
     * @param event what was decided and why; valid beyond the call (it holds no request)
     */
    void onDecision(CorsDecisionEvent event);

    /**
     * A listener that logs refused cross-origin requests at {@code INFO}, without DEBUG: at most one
     * line a minute (the first refusal at once, then the count since the last line, logged with the
     * first refusal a minute or more after it), each reason with its count and one example origin,
     * escaped: {@code refused 132 cross-origin requests in the last minute: ORIGIN_REFUSED 120 (e.g.
     * https://evil.example), METHOD_REFUSED 12 (e.g. https://app.example.com)}. Refused: a preflight
     * or request answered {@code 403}, and an actual request sent without CORS headers because of
     * its origin. Register one per application.
     *
     * @return a new summary listener
     */
    static CorsDecisionListener refusalSummary() {
        return new RefusalSummary(System::nanoTime);
    }
}
