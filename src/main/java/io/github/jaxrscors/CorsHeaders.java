package io.github.jaxrscors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link CorsDecision} as response headers. */
final class CorsHeaders {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";
    static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";
    static final String VARY = "Vary";
    /** {@code Vary} as Jersey's case-insensitive header map hashes it: a look-up by this name copies nothing. */
    private static final String VARY_KEY = "vary";

    private CorsHeaders() {
    }

    /**
     * Adds the decision's headers to a response on its way out, merging {@code Vary}.
     *
     * <p>Jersey's header map hashes a name by lower-casing it, which copies any name with a capital
     * letter. Each header is therefore set with one {@code put} (a {@code putSingle} would hash the
     * name twice), and {@code Vary} is looked up by its lower-case name, which hashes without a copy.
     */
    static void apply(CorsDecision decision, MultivaluedMap<String, Object> headers) {
        write(decision, headers);
        if (decision.vary() != null) {
            String merged = VaryHeader.merge(headers.get(VARY_KEY), decision.vary());
            if (merged != null) {
                set(headers, VARY, merged);
            }
        }
    }

    /** The library's own answer to a preflight or a refused request: 200 or 403, empty body. */
    static Response answer(CorsDecision decision) {
        Response response = Response.status(decision.forbidden() ? Response.Status.FORBIDDEN : Response.Status.OK).build();
        apply(decision, response.getHeaders());
        return response;
    }

    private static void write(CorsDecision d, MultivaluedMap<String, Object> headers) {
        if (d.allowOrigin() != null) {
            set(headers, ALLOW_ORIGIN, d.allowOrigin());
        }
        if (d.allowCredentials()) {
            set(headers, ALLOW_CREDENTIALS, "true");
        }
        if (d.exposeHeaders() != null) {
            set(headers, EXPOSE_HEADERS, d.exposeHeaders());
        }
        if (d.allowMethods() != null) {
            set(headers, ALLOW_METHODS, d.allowMethods());
        }
        if (d.allowHeaders() != null) {
            set(headers, ALLOW_HEADERS, d.allowHeaders());
        }
        if (d.maxAge() != null) {
            set(headers, MAX_AGE, d.maxAge());
        }
        if (d.allowPrivateNetwork() != null) {
            set(headers, ALLOW_PRIVATE_NETWORK, d.allowPrivateNetwork());
        }
    }

    /** Sets one header value, replacing any, in one map operation; the list stays mutable for later filters. */
    private static void set(MultivaluedMap<String, Object> headers, String name, Object value) {
        List<Object> values = new ArrayList<>(1);
        values.add(value);
        headers.put(name, values);
    }
}
