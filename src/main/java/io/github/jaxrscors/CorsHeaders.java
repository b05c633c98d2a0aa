package io.github.jaxrscors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.function.BiConsumer;

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

    private CorsHeaders() {
    }

    /** Adds the decision's headers to a response on its way out, merging {@code Vary}. */
    static void apply(CorsDecision decision, MultivaluedMap<String, Object> headers) {
        write(decision, headers::putSingle);
        if (decision.vary() != null) {
            String merged = VaryHeader.merge(headers.get(VARY), decision.vary());
            if (merged != null) {
                headers.putSingle(VARY, merged);
            }
        }
    }

    /** The library's own answer to a preflight or a refused request: 200 or 403, empty body. */
    static Response answer(CorsDecision decision) {
        Response.ResponseBuilder builder = Response.status(decision.forbidden() ? Response.Status.FORBIDDEN : Response.Status.OK);
        write(decision, builder::header);
        if (decision.vary() != null) {
            builder.header(VARY, decision.vary());
        }
        return builder.build();
    }

    private static void write(CorsDecision d, BiConsumer<String, Object> put) {
        if (d.allowOrigin() != null) {
            put.accept(ALLOW_ORIGIN, d.allowOrigin());
        }
        if (d.allowCredentials()) {
            put.accept(ALLOW_CREDENTIALS, "true");
        }
        if (d.exposeHeaders() != null) {
            put.accept(EXPOSE_HEADERS, d.exposeHeaders());
        }
        if (d.allowMethods() != null) {
            put.accept(ALLOW_METHODS, d.allowMethods());
        }
        if (d.allowHeaders() != null) {
            put.accept(ALLOW_HEADERS, d.allowHeaders());
        }
        if (d.maxAge() != null) {
            put.accept(MAX_AGE, d.maxAge());
        }
        if (d.allowPrivateNetwork() != null) {
            put.accept(ALLOW_PRIVATE_NETWORK, d.allowPrivateNetwork());
        }
    }
}
