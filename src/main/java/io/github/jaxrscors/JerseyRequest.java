package io.github.jaxrscors;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * What the filters need to know of Jersey's routing: the matched resource method, the methods
 * that would serve a preflight's announced request, and the path the rules match against.
 */
final class JerseyRequest {

    // Request header names in lower case: Jersey's header map hashes a name by lower-casing it,
    // which copies a name with capitals on every look-up and returns a lower-case name as it is.
    static final String ORIGIN = "origin";
    static final String REQUEST_METHOD = "access-control-request-method";
    static final String REQUEST_HEADERS = "access-control-request-headers";
    static final String REQUEST_PRIVATE_NETWORK = "access-control-request-private-network";

    private JerseyRequest() {
    }

    /** A CORS-preflight request: {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}. */
    static boolean isPreflight(ContainerRequestContext request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeaderString(ORIGIN) != null
                && request.getHeaderString(REQUEST_METHOD) != null;
    }

    /**
     * The request path relative to the application root with a leading {@code /}, each segment
     * percent-decoded once, without matrix parameters: the path Jersey routes on
     * ({@code /api/admin;x=1/users} is served as {@code /api/admin/users}, so it is judged as that).
     * A slash decoded inside a segment stays {@code %2F}: Jersey routes {@code a%2Fb} as one
     * segment, so a rule must see one segment too.
     */
    static String path(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
        StringBuilder path = new StringBuilder(64);
        for (PathSegment segment : segments) {
            String decoded = segment.getPath();
            path.append('/').append(decoded.indexOf('/') < 0 ? decoded : decoded.replace("/", "%2F"));
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The matched resource method, or null before or without a match (404, 405). */
    static ResourceMethod matched(ContainerRequestContext request) {
        return request.getUriInfo() instanceof ExtendedUriInfo info ? info.getMatchedResourceMethod() : null;
    }

    /** The policy covering the request as served by {@code method} (null: by path alone). */
    static CorsPolicy policy(PolicyTable table, ResourceMethod method, String path) {
        if (method == null) {
            return table.lookupPath(path);
        }
        Invocable invocable = method.getInvocable();
        return table.lookup(invocable.getHandler().getHandlerClass(), invocable.getHandlingMethod(), path);
    }

    /**
     * Whether {@code method} is an {@code @OPTIONS} method the application declared (not Jersey's
     * generated one). The annotation is read once per Java method; later preflights look the
     * answer up in {@code known}.
     */
    static boolean isDeclaredOptions(ResourceMethod method, Map<Method, Boolean> known) {
        if (method == null) {
            return false;
        }
        Method definition = method.getInvocable().getDefinitionMethod();
        Boolean declared = known.get(definition);
        if (declared == null) {
            declared = definition.isAnnotationPresent(OPTIONS.class);
            known.put(definition, declared);
        }
        return declared;
    }

    /**
     * The resource methods that would serve {@code requestMethod} at the matched path; for
     * {@code HEAD} without an {@code @HEAD} method, the {@code GET} methods Jersey would use.
     */
    static List<ResourceMethod> servingMethods(ContainerRequestContext request, String requestMethod) {
        List<ResourceMethod> serving = new ArrayList<>(2);
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info) || info.getMatchedRuntimeResources().isEmpty()) {
            return serving;
        }
        RuntimeResource matched = info.getMatchedRuntimeResources().get(0);
        collect(matched, requestMethod, serving);
        if (serving.isEmpty() && "HEAD".equals(requestMethod)) {
            collect(matched, "GET", serving);
        }
        return serving;
    }

    private static void collect(RuntimeResource resource, String httpMethod, List<ResourceMethod> into) {
        for (Resource r : resource.getResources()) {
            for (ResourceMethod m : r.getResourceMethods()) {
                if (httpMethod.equals(m.getHttpMethod())) {
                    into.add(m);
                }
            }
        }
    }
}
