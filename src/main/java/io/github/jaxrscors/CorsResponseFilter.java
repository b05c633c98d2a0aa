package io.github.jaxrscors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.List;
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

    private final JerseyTranslator translator;

    CorsResponseFilter(JerseyTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CorsState state = CorsState.of(request);
        if (state != null && state.stage() == CorsState.Stage.ANSWERED) {
            return;
        }
        if (state != null && state.stage() == CorsState.Stage.PASSED_ON) {
            // A declared @OPTIONS method answered; a refusal adds only Vary to its answer.
            if (state.decision() != null) {
                JerseyTranslator.write(state.decision(), response.getHeaders());
            }
            return;
        }
        ResourceMethod matched = JerseyTranslator.matched(request);
        // Without a state, the request filter did not run: no match (404, 405), or a filter before it aborted.
        String path = state != null ? null : translator.rulePath(request);
        CorsPolicy policy = state != null ? state.policy()
                : matched != null ? translator.policy(matched, path) : translator.unmatchedPolicy(request, path);
        if (policy == null) {
            return;
        }
        boolean error = matched == null || response instanceof ContainerResponse r && r.isMappedFromException();
        if (error && !policy.interceptExceptions()) {
            return;
        }
        int status = response.getStatus();
        if (matched == null && (status == 404 || status == 405) && JerseyTranslator.isPreflight(request)) {
            // A preflight to a covered path no resource serves: answered like any preflight, so the
            // announced request goes on to get its 404 with CORS headers, readable by the script.
            // The same answer as the library's own (JerseyTranslator.answer).
            CorsDecision decision = translator.preflight(request, path, List.of(policy), null);
            response.getHeaders().remove("Allow");
            response.setStatus(decision.forbidden() ? 403 : 200);
            if (decision.forbidden() && translator.refusalNeedsEntity()) {
                response.setEntity("", new Annotation[0], MediaType.TEXT_PLAIN_TYPE);
            } else {
                response.setEntity(null);
                response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
            JerseyTranslator.write(decision, response.getHeaders());
            return;
        }
        // The request filter's decision where it took one; the resource method ran in between.
        CorsDecision decision = state != null ? state.decision()
                : translator.actual(request, JerseyTranslator.header(request, CorsHeaders.ORIGIN), path, policy, false);
        JerseyTranslator.write(decision, response.getHeaders());
    }

    @Override
    public String toString() {
        return "CorsResponseFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
