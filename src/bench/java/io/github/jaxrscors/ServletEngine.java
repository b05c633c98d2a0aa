package io.github.jaxrscors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The library's engine on servlet objects, for the engine reference benchmark only: reads the CORS
 * request headers, asks {@link CorsProcessor} and writes the decision, as Spring's
 * {@code DefaultCorsProcessor} and Tomcat's {@code CorsFilter} do on the same objects.
 */
public final class ServletEngine {

    private final CorsPolicy policy;
    private final List<CorsPolicy> policies;

    /** The engine under {@code options} over the library's defaults. */
    public ServletEngine(CorsOptions options) {
        policy = PolicyResolver.resolve("bench", null, null, null, new Layer(options, "bench"), null);
        policies = List.of(policy);
    }

    /** Answers a preflight (status and headers), or adds the headers of an actual request. */
    public void handle(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(CorsHeaders.ORIGIN);
        String requestMethod = request.getHeader(CorsHeaders.REQUEST_METHOD);
        CorsDecision d;
        if ("OPTIONS".equals(request.getMethod()) && origin != null && requestMethod != null) {
            d = CorsProcessor.preflight(policies, origin, requestMethod, request.getHeader(CorsHeaders.REQUEST_HEADERS),
                    request.getHeader(CorsHeaders.REQUEST_PRIVATE_NETWORK), null);
            response.setStatus(d.forbidden() ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_OK);
        } else {
            d = CorsProcessor.actual(policy, origin, ServerOrigin.REQUEST_ONLY, null, null);
        }
        set(response, CorsHeaders.ALLOW_ORIGIN, d.allowOrigin());
        set(response, CorsHeaders.ALLOW_CREDENTIALS, d.allowCredentials() ? "true" : null);
        set(response, CorsHeaders.EXPOSE_HEADERS, d.exposeHeaders());
        set(response, CorsHeaders.ALLOW_METHODS, d.allowMethods());
        set(response, CorsHeaders.ALLOW_HEADERS, d.allowHeaders());
        set(response, CorsHeaders.MAX_AGE, d.maxAge());
        set(response, CorsHeaders.ALLOW_PRIVATE_NETWORK, d.allowPrivateNetwork());
        if (d.vary() != null) {
            set(response, CorsHeaders.VARY, VaryHeader.merge(List.copyOf(response.getHeaders(CorsHeaders.VARY)), d.vary()));
        }
    }

    private static void set(HttpServletResponse response, String name, String value) {
        if (value != null) {
            response.setHeader(name, value);
        }
    }
}
