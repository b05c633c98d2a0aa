package io.github.jaxrscors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Global request filter, after matching, a thin caller of {@link JerseyTranslator#request}: answers
 * the CORS preflights that waited for matching (the resource method never runs); for covered actual
 * requests, takes the decision once, records it in the request's
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
        translator.request(request, true);
    }

    @Override
    public String toString() {
        return "CorsRequestFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
