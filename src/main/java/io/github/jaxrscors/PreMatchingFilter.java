package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Global {@code @PreMatching} request filter, first of all filters, with two jobs.
 *
 * <p>It hands every request to {@link JerseyTranslator#request} before matching, which answers a
 * covered preflight whose route {@link PreflightRouter} knows, ahead of every user filter
 * ({@code @PreMatching} ones included) and without the cost of matching it.
 *
 * <p>Every other request gets its container writer wrapped in an {@link ErrorResponseWriter}.
 * Sub-resource locators run while Jersey matches, and other filters may run before
 * {@link CorsRequestFilter}; an unmapped exception thrown there must find the writer in place.
 * The writer decides only at failure time whether the request is covered, so a request that is
 * not keeps the container's own 500.
 */
@PreMatching
final class PreMatchingFilter implements ContainerRequestFilter {

    /**
     * First of the request filters, so every filter after it, pre-matching or not, fails into the
     * wrapped writer. 1 is the lowest priority Jersey keeps: it reads 0 and below as "none" and
     * gives the filter {@code Priorities.USER} instead.
     */
    static final int PRIORITY = 1;

    private final JerseyTranslator translator;

    PreMatchingFilter(JerseyTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!translator.request(request, false) && request instanceof ContainerRequest jersey) {
            jersey.setWriter(new ErrorResponseWriter(jersey.getResponseWriter(), jersey, translator));
        }
    }

    @Override
    public String toString() {
        return "PreMatchingFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
