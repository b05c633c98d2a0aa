package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * What the filter tier needs of the library's internals: its pre-matching filter, which a
 * benchmark stopped after matching does not see run, and the container's writer it wraps.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** The library's {@code @PreMatching} filters registered in {@code config}. */
    public static ContainerRequestFilter[] preMatchingFilters(Configuration config) {
        List<ContainerRequestFilter> filters = new ArrayList<>();
        for (Object instance : config.getInstances()) {
            if (instance instanceof PreMatchingFilter filter) {
                filters.add(filter);
            }
        }
        if (filters.isEmpty()) {
            throw new IllegalStateException("no PreMatchingFilter registered in " + config.getInstances());
        }
        return filters.toArray(new ContainerRequestFilter[0]);
    }

    /**
     * The container's writer under the library's wrapper, or {@code writer} itself. Read from the
     * wrapper's {@code delegate} field, which main code has no accessor for.
     */
    public static ContainerResponseWriter containerWriter(ContainerResponseWriter writer) {
        if (!(writer instanceof ErrorResponseWriter wrapper)) {
            return writer;
        }
        try {
            Field delegate = ErrorResponseWriter.class.getDeclaredField("delegate");
            delegate.setAccessible(true);
            return (ContainerResponseWriter) delegate.get(wrapper);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ErrorResponseWriter no longer keeps the container's writer in a field named delegate", e);
        }
    }
}
