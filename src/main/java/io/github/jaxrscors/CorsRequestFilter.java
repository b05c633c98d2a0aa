package io.github.jaxrscors;

import io.github.jaxrscors.JerseyTranslator.PreflightRoute;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * Global request filter, after matching: answers CORS preflights itself (the resource method never
 * runs); for covered actual requests, records the request's {@link CorsState} (which the response
 * filter and the {@link ErrorResponseWriter} read) and refuses disallowed origins with 403 under
 * rejectDisallowedOrigins.
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
        if (policy.rejectDisallowedOrigins() && request.getHeaderString(CorsHeaders.ORIGIN) != null) {
            CorsDecision decision = translator.actual(request, path, policy, true);
            if (decision.forbidden()) {
                answer(request, decision);
                return;
            }
        }
        CorsState.actual(policy).putOn(request);
    }

    private void preflight(ContainerRequestContext request, String path) {
        PreflightRoute route = translator.route(request, path);
        if (route.policies().isEmpty()) {
            return; // not covered: left to Jersey untouched
        }
        if (route.passOn()) {
            CorsState.passedOn(route.uncovered() == null ? route.policies() : List.of()).putOn(request);
            return;
        }
        answer(request, translator.preflight(request, path, route.policies(), route.uncovered()));
    }

    private static void answer(ContainerRequestContext request, CorsDecision decision) {
        CorsState.ANSWERED.putOn(request);
        request.abortWith(JerseyTranslator.answer(decision));
    }

    @Override
    public String toString() {
        return "CorsRequestFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
