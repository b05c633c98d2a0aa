package io.github.jaxrscors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Global response filter, a thin caller of {@link JerseyTranslator#response}: adds the CORS headers to actual responses of covered requests, to error
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
        translator.response(request, response);
    }

    @Override
    public String toString() {
        return "CorsResponseFilter{priority=" + PRIORITY + ", " + translator + "}";
    }
}
