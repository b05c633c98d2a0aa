package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.model.RuntimeResourceModel;
import org.glassfish.jersey.uri.PathPattern;
import org.jspecify.annotations.Nullable;

/**
 * Where Jersey would route a request, asked for a preflight's announced request before Jersey
 * matches anything: built once at startup from the application's runtime resource model, as
 * Jersey's {@code RuntimeModelBuilder} builds its routers, and walked as its
 * {@code PathMatchingRouter} walks them.
 *
 * <p>What it copies from Jersey, so the two agree:
 * <ul>
 * <li>the order: the runtime resources and their children as {@link RuntimeResourceModel} sorts
 * them (literal characters first, then the number of template variables, then the number of
 * regex variables, JAX-RS 3.1 section 3.7.2), and Jersey's own {@link PathPattern}s, regex
 * templates included;</li>
 * <li>the path: the request path relative to the application root, still percent-encoded, with
 * each segment's matrix parameters removed, behind a {@code /} ({@code MatchResultInitializerRouter},
 * {@code SingleMatchResult}); a resource's closed pattern takes one trailing slash;</li>
 * <li>the choice: the first route whose pattern matches and whose HTTP methods hold the request's
 * ({@code HEAD} counts {@code GET}), else the first whose pattern matches; a route that goes deeper
 * (child resources) or to a locator is taken where it matches before any such candidate, and
 * loses to an earlier candidate; a deeper level that matches nothing is a 404 (no going back);</li>
 * <li>the methods: those of the runtime resource reached with the request's HTTP method, or, for
 * {@code HEAD} without an {@code @HEAD} method, its {@code GET} methods.</li>
 * </ul>
 * A route that reaches a sub-resource locator cannot be told before the locator runs: the answer
 * is {@link Outcome#LOCATOR}, and the preflight waits for matching.
 */
final class PreflightRouter {

    /** What routing found. */
    enum Outcome {
        /** A runtime resource serves the path; {@link Routed#serving()} may be empty (a 405). */
        SERVED,
        /** No resource serves the path (a 404). */
        UNROUTED,
        /** The path goes to a sub-resource locator: known only once it runs. */
        LOCATOR
    }

    /**
     * Where a request goes.
     *
     * @param outcome  what routing found
     * @param resource the runtime resource reached, for {@link Outcome#SERVED}; else null
     * @param serving  its resource methods that serve the request's HTTP method; empty otherwise
     */
    record Routed(Outcome outcome, @Nullable RuntimeResource resource, List<ResourceMethod> serving) {
        static final Routed UNROUTED = new Routed(Outcome.UNROUTED, null, List.of());
        static final Routed LOCATOR = new Routed(Outcome.LOCATOR, null, List.of());

        @Override
        public String toString() {
            return resource != null ? "served by " + resource.getRegex() + " " + serving.size() + " method(s)" : outcome.toString();
        }
    }

    /**
     * One route of a level, as Jersey builds it.
     *
     * @param pattern     matched against what is left of the path
     * @param httpMethods the HTTP methods of the resource's methods; null for a route that goes
     *                    deeper or to a locator (Jersey's {@code isLocator})
     * @param resource    the runtime resource the route serves or goes into
     * @param next        the routes one level deeper, or null
     * @param locator     the route ends at a sub-resource locator
     */
    private record Route(PathPattern pattern, @Nullable Set<String> httpMethods, RuntimeResource resource, @Nullable List<Route> next,
            boolean locator) {
    }

    private final List<Route> roots;
    private final int resources;

    private PreflightRouter(List<Route> roots, int resources) {
        this.roots = roots;
        this.resources = resources;
    }

    /** Builds the routes of {@code model} as Jersey's {@code RuntimeModelBuilder.buildModel} does (not in sub-resource mode). */
    static PreflightRouter of(RuntimeResourceModel model) {
        List<Route> roots = new ArrayList<>();
        for (RuntimeResource resource : model.getRuntimeResources()) {
            if (!resource.getResourceMethods().isEmpty()) {
                roots.add(new Route(PathPattern.asClosed(resource.getPathPattern()), httpMethods(resource), resource, null, false));
            }
            List<Route> children = new ArrayList<>();
            for (RuntimeResource child : resource.getChildRuntimeResources()) {
                if (!child.getResourceMethods().isEmpty()) {
                    children.add(new Route(PathPattern.asClosed(child.getPathPattern()), httpMethods(child), child, null, false));
                }
                if (child.getResourceLocator() != null) {
                    children.add(new Route(child.getPathPattern(), null, child, null, true));
                }
            }
            if (resource.getResourceLocator() != null) {
                children.add(new Route(PathPattern.OPEN_ROOT_PATH_PATTERN, null, resource, null, true));
            }
            if (!children.isEmpty()) {
                roots.add(new Route(resource.getPathPattern(), null, resource, List.copyOf(children), false));
            }
        }
        return new PreflightRouter(List.copyOf(roots), model.getRuntimeResources().size());
    }

    private static Set<String> httpMethods(RuntimeResource resource) {
        Set<String> methods = new HashSet<>();
        for (ResourceMethod m : resource.getResourceMethods()) {
            methods.add(m.getHttpMethod());
        }
        return Set.copyOf(methods);
    }

    /**
     * Where a request with {@code httpMethod} to {@code encodedPath} goes.
     *
     * @param encodedPath the request path relative to the application root, percent-encoded as
     *                    sent, with or without its leading {@code /} and matrix parameters
     * @param httpMethod  the request's method, as sent (the methods are case-sensitive)
     */
    Routed route(String encodedPath, String httpMethod) {
        return route(roots, matchingPath(encodedPath), httpMethod);
    }

    /** The path Jersey starts matching with: {@code /} and the path, matrix parameters removed ({@code SingleMatchResult}). */
    static String matchingPath(String encodedPath) {
        String path = encodedPath.startsWith("/") ? encodedPath : "/" + encodedPath;
        int semicolon = path.indexOf(';');
        if (semicolon < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        int start = 0;
        while (semicolon >= 0) {
            sb.append(path, start, semicolon);
            start = path.indexOf('/', semicolon + 1);
            if (start < 0) {
                return sb.toString();
            }
            semicolon = path.indexOf(';', start);
        }
        return sb.append(path, start, path.length()).toString();
    }

    private static Routed route(List<Route> routes, String path, String httpMethod) {
        Route candidate = null;
        MatchResult candidateMatch = null;
        for (Route route : routes) {
            MatchResult m = route.pattern().match(path);
            if (m == null) {
                continue;
            }
            Set<String> httpMethods = route.httpMethods();
            if (httpMethods == null) {
                // A locator, or a route deeper: an earlier route whose path matched wins over it.
                return candidate != null && candidateMatch != null ? select(candidate, candidateMatch, httpMethod) : select(route, m, httpMethod);
            }
            if (httpMethods.contains(httpMethod) || "HEAD".equals(httpMethod) && httpMethods.contains("GET")) {
                return select(route, m, httpMethod);
            }
            if (candidate == null) {
                candidate = route;
                candidateMatch = m;
            }
        }
        return candidate != null && candidateMatch != null ? select(candidate, candidateMatch, httpMethod) : Routed.UNROUTED;
    }

    private static Routed select(Route route, MatchResult m, String httpMethod) {
        if (route.locator()) {
            return Routed.LOCATOR;
        }
        List<Route> next = route.next();
        if (next != null) {
            // What is left of the path: the last group, the right-hand path (UriRoutingContext.getFinalMatchingGroup).
            String rest = m.group(m.groupCount());
            return route(next, rest == null ? "" : rest, httpMethod);
        }
        return new Routed(Outcome.SERVED, route.resource(), serving(route.resource(), httpMethod));
    }

    /** The methods of {@code resource} that serve {@code httpMethod}: {@code HEAD} without its own method is served by {@code GET}. */
    static List<ResourceMethod> serving(RuntimeResource resource, String httpMethod) {
        List<ResourceMethod> serving = methods(resource, httpMethod);
        return serving.isEmpty() && "HEAD".equals(httpMethod) ? methods(resource, "GET") : serving;
    }

    private static List<ResourceMethod> methods(RuntimeResource resource, String httpMethod) {
        List<ResourceMethod> serving = new ArrayList<>(2);
        for (ResourceMethod m : resource.getResourceMethods()) {
            if (httpMethod.equals(m.getHttpMethod())) {
                serving.add(m);
            }
        }
        return serving;
    }

    @Override
    public String toString() {
        return "PreflightRouter{" + resources + " root resources, " + roots.size() + " routes}";
    }
}
