package io.github.jaxrscors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Global request filter, after matching: answers CORS preflights itself (the resource method never
 * runs); for covered actual requests, refuses disallowed origins with 403 under
 * rejectDisallowedOrigins and, under interceptExceptions, installs the {@link ErrorResponseWriter}
 * that puts the headers on the 500 of an unmapped exception.
 */
final class CorsRequestFilter implements ContainerRequestFilter {

    /**
     * Before {@link Priorities#AUTHENTICATION}: a preflight never carries credentials (Fetch,
     * CORS-preflight request), so authentication filters must not see it.
     */
    static final int PRIORITY = Priorities.AUTHENTICATION - 200;

    /** Request property: the library answered this request itself; the response filter skips it. */
    static final String ANSWERED = "io.github.jaxrscors.answered";

    /** Request property: a preflight passed on to a declared {@code @OPTIONS} method, with its policies. */
    static final String PASSED_ON = "io.github.jaxrscors.preflightPolicies";

    private final PolicyTable table;

    /** Per Java method matched by a preflight: whether the application declared it {@code @OPTIONS}. */
    private final Map<Method, Boolean> declaredOptions = new ConcurrentHashMap<>();

    CorsRequestFilter(PolicyTable table) {
        this.table = table;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (JerseyRequest.isPreflight(request)) {
            preflight(request);
            return;
        }
        String path = table.pathMatters() ? JerseyRequest.path(request) : null;
        CorsPolicy policy = JerseyRequest.policy(table, JerseyRequest.matched(request), path);
        if (policy == null) {
            return;
        }
        if (policy.interceptExceptions() && request instanceof ContainerRequest jersey) {
            jersey.setWriter(new ErrorResponseWriter(jersey.getResponseWriter(), jersey, policy));
        }
        if (!policy.rejectDisallowedOrigins()) {
            return;
        }
        String origin = request.getHeaderString(JerseyRequest.ORIGIN);
        if (origin == null) {
            return;
        }
        CorsDecision decision = CorsProcessor.actual(policy, origin, HttpSyntax.originOf(request.getUriInfo().getRequestUri()));
        if (decision.forbidden()) {
            log(request, path, decision);
            request.setProperty(ANSWERED, Boolean.TRUE);
            request.abortWith(CorsHeaders.answer(decision));
        }
    }

    private void preflight(ContainerRequestContext request) {
        String path = table.pathMatters() ? JerseyRequest.path(request) : null;
        String requestMethod = request.getHeaderString(JerseyRequest.REQUEST_METHOD);
        List<CorsPolicy> policies = new ArrayList<>(2);
        String uncovered = null;
        List<ResourceMethod> serving = JerseyRequest.servingMethods(request, requestMethod);
        for (ResourceMethod method : serving) {
            CorsPolicy policy = JerseyRequest.policy(table, method, path);
            if (policy == null) {
                uncovered = method.getInvocable().getHandlingMethod().toGenericString();
            } else {
                policies.add(policy);
            }
        }
        if (serving.isEmpty()) {
            // No method serves the announced request (it will get 405): the path's policy answers.
            CorsPolicy policy = table.lookupPath(path);
            if (policy != null) {
                policies.add(policy);
            }
        }
        if (policies.isEmpty()) {
            return; // not covered: left to Jersey untouched
        }
        ResourceMethod matched = JerseyRequest.matched(request);
        if (JerseyRequest.isDeclaredOptions(matched, declaredOptions)) {
            CorsPolicy own = JerseyRequest.policy(table, matched, path);
            if (!(own != null ? own : policies.get(0)).automaticOptions()) {
                request.setProperty(PASSED_ON, uncovered == null ? policies : List.of());
                return;
            }
        }
        CorsDecision decision = uncovered != null
                ? CorsDecision.denied(CorsDecision.Outcome.FORBIDDEN, CorsProcessor.preflightVary(policies),
                        "a method serving " + requestMethod + " here is not covered by CORS: " + uncovered)
                : preflight(request, policies);
        log(request, path, decision);
        request.setProperty(ANSWERED, Boolean.TRUE);
        request.abortWith(CorsHeaders.answer(decision));
    }

    /** The preflight decision for {@code request}'s CORS headers under {@code policies}. */
    static CorsDecision preflight(ContainerRequestContext request, List<CorsPolicy> policies) {
        return CorsProcessor.preflight(policies, request.getHeaderString(JerseyRequest.ORIGIN),
                request.getHeaderString(JerseyRequest.REQUEST_METHOD), request.getHeaderString(JerseyRequest.REQUEST_HEADERS),
                request.getHeaderString(JerseyRequest.REQUEST_PRIVATE_NETWORK));
    }

    /** Logs the decision at DEBUG; {@code path} may be null when it was not needed for the decision. */
    static void log(ContainerRequestContext request, String path, CorsDecision decision) {
        if (CorsLog.debugEnabled()) {
            String shown = path != null ? path : JerseyRequest.path(request);
            CorsLog.debug(() -> request.getMethod() + " " + CorsLog.escape(shown) + " from Origin "
                    + CorsLog.escape(request.getHeaderString(JerseyRequest.ORIGIN)) + ": " + decision.outcome() + ", "
                    + decision.reason());
        }
    }

    @Override
    public String toString() {
        return "CorsRequestFilter{priority=" + PRIORITY + ", " + table + "}";
    }
}
