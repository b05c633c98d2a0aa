package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Global {@code @PreMatching} request filter with one job: wrap the container's writer in an
 * {@link ErrorResponseWriter} before Jersey matches the request. Sub-resource locators run while
 * Jersey matches, and other filters may run before {@link CorsRequestFilter}; an unmapped exception
 * thrown there must find the writer in place. The writer decides only at failure time whether the
 * request is covered, so a request that is not keeps the container's own 500.
 */
@PreMatching
final class ErrorWriterFilter implements ContainerRequestFilter {

    /**
     * First of the request filters: it only wraps the writer, so every filter after it, pre-matching
     * or not, fails into the wrapped one. 1 is the lowest priority Jersey keeps: it reads 0 and
     * below as "none" and gives the filter {@code Priorities.USER} instead.
     */
    static final int PRIORITY = 1;

    private final JerseyTranslator translator;

    ErrorWriterFilter(JerseyTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request instanceof ContainerRequest jersey) {
            jersey.setWriter(new ErrorResponseWriter(jersey.getResponseWriter(), jersey, translator));
        }
    }

    @Override
    public String toString() {
        return "ErrorWriterFilter{priority=" + PRIORITY + "}";
    }
}
