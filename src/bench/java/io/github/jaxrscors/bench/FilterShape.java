package io.github.jaxrscors.bench;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The library's filter shape without the library, to measure what Jersey itself charges for it:
 * a {@code @PreMatching} request filter, a request filter and a response filter, registered as
 * instances at the library's priorities, doing nothing ({@code shape}); and the same with the
 * response filter putting the three headers an allowed {@code GET} gets, the way the library puts
 * them ({@code shapeHeaders}: one {@code put} of a one-element list each, {@code Vary} looked up by
 * its lower-case name first). What the library costs beyond {@code shapeHeaders} is its own work.
 * {@code shapeAbort}: the post-matching request filter answers every {@code OPTIONS} request with
 * an empty 200 and no header, the least any answer given after matching can cost.
 */
final class FilterShape {

    private FilterShape() {
    }

    /** Registers the three filters; {@code mode} is {@code bare}, {@code headers} or {@code abort}. */
    static void register(ResourceConfig rc, String mode) {
        rc.register(new Before(), 1);
        rc.register(new Request(mode.equals("abort")), Priorities.AUTHENTICATION - 200);
        rc.register(new Response(mode.equals("headers")), Priorities.HEADER_DECORATOR);
    }

    @PreMatching
    static final class Before implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            // Nothing: Jersey's cost of a pre-matching filter stage with one filter in it.
        }
    }

    static final class Request implements ContainerRequestFilter {
        private final boolean abortOptions;

        Request(boolean abortOptions) {
            this.abortOptions = abortOptions;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            // Otherwise nothing: Jersey's cost of a post-matching request filter.
            if (abortOptions && "OPTIONS".equals(request.getMethod())) {
                request.abortWith(jakarta.ws.rs.core.Response.ok().build());
            }
        }
    }

    static final class Response implements ContainerResponseFilter {
        private final boolean headers;

        Response(boolean headers) {
            this.headers = headers;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (headers) {
                MultivaluedMap<String, Object> map = response.getHeaders();
                put(map, "Access-Control-Allow-Origin", BenchApp.APP);
                put(map, "Access-Control-Expose-Headers", BenchApp.EXPOSED);
                if (map.get("vary") == null) {
                    put(map, "Vary", "Origin");
                }
            }
        }

        private static void put(MultivaluedMap<String, Object> map, String name, Object value) {
            List<Object> values = new ArrayList<>(1);
            values.add(value);
            map.put(name, values);
        }
    }
}
