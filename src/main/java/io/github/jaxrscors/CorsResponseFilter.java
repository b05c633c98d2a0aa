package io.github.jaxrscors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Global response filter: adds the CORS headers to actual responses of covered requests, to error
 * responses while interceptExceptions is on, and to what a declared {@code @OPTIONS} method
 * answered when automaticOptions is off.
 */
final class CorsResponseFilter implements ContainerResponseFilter {

    /** Response filters run highest first; as a header decorator this runs among the last. */
    static final int PRIORITY = Priorities.HEADER_DECORATOR;

    private final PolicyTable table;

    CorsResponseFilter(PolicyTable table) {
        this.table = table;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CorsRequestFilter.ANSWERED) != null) {
            return;
        }
        String path = table.pathMatters() ? JerseyRequest.path(request) : null;
        Object passedOn = request.getProperty(CorsRequestFilter.PASSED_ON);
        if (passedOn instanceof List<?> policies) {
            passedOnPreflight(request, response, path, policies);
            return;
        }
        ResourceMethod matched = JerseyRequest.matched(request);
        CorsPolicy policy = request instanceof ContainerRequest jersey && jersey.getResponseWriter() instanceof ErrorResponseWriter w
                ? w.policy()
                : JerseyRequest.policy(table, matched, path);
        if (policy == null) {
            return;
        }
        boolean error = matched == null || response instanceof ContainerResponse r && r.isMappedFromException();
        if (error && !policy.interceptExceptions()) {
            return;
        }
        int status = response.getStatus();
        if (matched == null && (status == 404 || status == 405) && JerseyRequest.isPreflight(request)) {
            unroutedPreflight(request, response, path, policy);
            return;
        }
        CorsDecision decision = CorsProcessor.actual(policy, request.getHeaderString(JerseyRequest.ORIGIN), null);
        CorsRequestFilter.log(request, path, decision);
        CorsHeaders.apply(decision, response.getHeaders());
    }

    /**
     * A preflight to a covered path no resource serves: answered like any preflight under the
     * path's policy, so the announced request goes on to get its 404 with CORS headers, readable
     * by the script.
     */
    private static void unroutedPreflight(ContainerRequestContext request, ContainerResponseContext response, String path,
            CorsPolicy policy) {
        CorsDecision decision = CorsRequestFilter.preflight(request, List.of(policy));
        CorsRequestFilter.log(request, path, decision);
        response.setStatus(decision.forbidden() ? 403 : 200);
        response.setEntity(null);
        response.getHeaders().remove("Allow");
        CorsHeaders.apply(decision, response.getHeaders());
    }

    /** A preflight a declared {@code @OPTIONS} method answered (automaticOptions off): add the headers to its answer. */
    private static void passedOnPreflight(ContainerRequestContext request, ContainerResponseContext response, String path,
            List<?> policies) {
        if (policies.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<CorsPolicy> typed = (List<CorsPolicy>) policies;
        CorsDecision decision = CorsRequestFilter.preflight(request, typed);
        CorsRequestFilter.log(request, path, decision);
        // A refusal carries only Vary: the declared method's answer gets no Access-Control-* header.
        CorsHeaders.apply(decision, response.getHeaders());
    }

    @Override
    public String toString() {
        return "CorsResponseFilter{priority=" + PRIORITY + ", " + table + "}";
    }
}
