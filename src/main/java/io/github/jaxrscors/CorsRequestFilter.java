package io.github.jaxrscors;

import io.github.jaxrscors.JerseyTranslator.PreflightRoute;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * Global request filter, after matching: answers CORS preflights itself (the resource method never
 * runs); for covered actual requests, takes the decision once, records it in the request's
 * {@link CorsState} (which the response filter and the {@link ErrorResponseWriter} read) and
 * publishes it to application code ({@link CorsProperties#ORIGIN_ALLOWED},
 * {@link CorsProperties#POLICY}), refuses disallowed origins with 403 under
 * rejectDisallowedOrigins and refuses cross-site requests with an unsafe method with 403 under
 * crossSiteProtection.
 */
final class CorsRequestFilter implements ContainerRequestFilter {

    /**
     * Before {@link Priorities#AUTHENTICATION}: a preflight never carries credentials (Fetch,
     * CORS-preflight request), so authentication filters must not see it.
     */
    static final int PRIORITY = Priorities.AUTHENTICATION - 200;

    private final JerseyTranslator translator;

    CorsRequestFilter(JerseyTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = translator.rulePath(request);
        if (JerseyTranslator.isPreflight(request)) {
            preflight(request, path);
            return;
        }
        CorsPolicy policy = translator.policy(JerseyTranslator.matched(request), path);
        if (policy == null) {
            return;
        }
        // Decided once, before the resource runs: the resource can read it, and the response gets it.
        // Origin is read once here (each read of Jersey's header map walks its guarded names).
        String origin = JerseyTranslator.header(request, CorsHeaders.ORIGIN);
        CorsDecision decision = translator.actual(request, origin, path, policy, true);
        CorsState.publish(request, decision, policy, origin != null);
        if (decision.forbidden()) {
            answer(request, decision, translator);
            return;
        }
        // A safe method always passes; asked first, so a GET builds nothing for the check.
        if (policy.crossSiteProtection() && !CorsProcessor.isSafe(request.getMethod())) {
            CorsDecision crossSite = translator.crossSite(request, path, policy, decision);
            if (crossSite.forbidden()) {
                answer(request, crossSite, translator);
                return;
            }
        }
        CorsState.actual(policy, decision).putOn(request);
    }

    private void preflight(ContainerRequestContext request, String path) {
        PreflightRoute route = translator.route(request, path);
        if (route.policies().isEmpty()) {
            return; // not covered: left to Jersey untouched
        }
        if (route.passOn()) {
            // Decided now, so the declared @OPTIONS method can read it; a refusal adds only Vary to its answer.
            List<CorsPolicy> policies = route.uncovered() == null ? route.policies() : List.of();
            CorsDecision decision = policies.isEmpty() ? null : translator.preflight(request, path, policies, null);
            if (decision != null) {
                CorsState.publish(request, decision, policies.get(0), true);
            }
            CorsState.passedOn(policies, decision).putOn(request);
            return;
        }
        CorsDecision decision = translator.preflight(request, path, route.policies(), route.uncovered());
        CorsState.publish(request, decision, route.policies().get(0), true);
        answer(request, decision, translator);
    }

    /** Answers the request with the library's own response for {@code decision}; nothing more is added to it. */
    static void answer(ContainerRequestContext request, CorsDecision decision, JerseyTranslator translator) {
        CorsState.ANSWERED.putOn(request);
        request.abortWith(translator.answer(decision));
    }

    @Override
    public String toString() {
        return "CorsRequestFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
