package io.github.jaxrscors;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * The one translator between Jersey and the engine: reads a Jersey request into the engine's
 * facts (its routing, its CORS headers, the policies that cover it), asks {@link CorsProcessor},
 * logs the decision and writes it back as response headers. The filters and the error writer call
 * down into it; it calls nothing above it.
 */
final class JerseyTranslator {

    private final PolicyTable table;
    private final ServerOrigin server;

    /**
     * Set once the container starts the application, where the path alone decides every policy and
     * no sub-resource locator can bring an annotated class in: a preflight's answer then cannot
     * depend on the method that would serve it, and is given before matching.
     */
    private volatile boolean beforeMatching;

    /** Per Java method matched by a preflight: whether the application declared it {@code @OPTIONS}. */
    private final Map<Method, Boolean> declaredOptions = new ConcurrentHashMap<>();

    /**
     * The methods that would serve a preflight's announced request, as policies.
     *
     * @param policies  the policies of the covered ones; where none serves it, the path's policy (or none)
     * @param uncovered a serving method that no policy covers, or null
     * @param passOn    the matched method is a declared {@code @OPTIONS} method whose policy turns
     *                  automaticOptions off: it answers, and the response filter adds the headers
     */
    record PreflightRoute(List<CorsPolicy> policies, String uncovered, boolean passOn) {
    }

    JerseyTranslator(PolicyTable table, ServerOrigin server) {
        this.table = table;
        this.server = server;
    }

    // ------------------------------------------------------------------------------------ reads

    /**
     * A request header's value as {@code getHeaderString} gives it (several lines joined with
     * {@code ","}, so two {@code Origin} lines are one malformed value), without its cost: Jersey's
     * {@code getHeaderString} copies even a single value through a {@code StringBuilder}.
     */
    static String header(ContainerRequestContext request, String name) {
        List<String> values = request.getHeaders().get(name);
        if (values == null) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : String.join(",", values);
    }

    /** A CORS-preflight request: {@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}. */
    static boolean isPreflight(ContainerRequestContext request) {
        return "OPTIONS".equals(request.getMethod()) && header(request, CorsHeaders.ORIGIN) != null
                && header(request, CorsHeaders.REQUEST_METHOD) != null;
    }

    /** Lets preflights be answered before matching (see {@link #beforeMatching}). */
    void preflightsBeforeMatching(boolean enabled) {
        beforeMatching = enabled;
    }

    /** Whether preflights may be answered before matching (see {@link #beforeMatching}). */
    boolean preflightsBeforeMatching() {
        return beforeMatching;
    }

    /**
     * A preflight's policy where it may be answered before matching, or null: the path's policy
     * (the one every serving method has) when that policy answers preflights itself
     * (automaticOptions). Asked only where {@link #preflightsBeforeMatching()}.
     */
    CorsPolicy policyBeforeMatching(String path) {
        CorsPolicy policy = table.lookupPath(path);
        return policy != null && policy.automaticOptions() ? policy : null;
    }

    /** The path the rules judge, or null where there are no rules (then it is never built). */
    String rulePath(ContainerRequestContext request) {
        return table.pathMatters() ? routedPath(request) : null;
    }

    /**
     * The request path relative to the application root with a leading {@code /}, each segment
     * percent-decoded once, without matrix parameters: the path Jersey routes on
     * ({@code /api/admin;x=1/users} is served as {@code /api/admin/users}, so it is judged as that).
     * A slash decoded inside a segment stays {@code %2F}: Jersey routes {@code a%2Fb} as one
     * segment, so a rule must see one segment too.
     */
    static String routedPath(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments(true);
        StringBuilder path = new StringBuilder(64);
        for (PathSegment segment : segments) {
            String decoded = segment.getPath();
            path.append('/').append(decoded.indexOf('/') < 0 ? decoded : decoded.replace("/", "%2F"));
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** A path or template without its leading and trailing slashes; null reads as empty. */
    static String strip(String segment) {
        String s = segment == null ? "" : segment;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The class name without its package: {@code UserResource}, {@code Api$Users}. */
    static String name(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? c.getName() : c.getName().substring(pkg.length() + 1);
    }

    /** The matched resource method, or null before or without a match (404, 405). */
    static ResourceMethod matched(ContainerRequestContext request) {
        return request.getUriInfo() instanceof ExtendedUriInfo info ? info.getMatchedResourceMethod() : null;
    }

    /** The policy covering the request as served by {@code method} (null: by path alone), or null. */
    CorsPolicy policy(ResourceMethod method, String path) {
        if (method == null) {
            return table.lookupPath(path);
        }
        Invocable invocable = method.getInvocable();
        return table.lookup(invocable.getHandler().getHandlerClass(), invocable.getHandlingMethod(), path);
    }

    /**
     * The policy whose headers the 500 of an unmapped exception carries, or null: the one recorded
     * in the request's {@link CorsState} when {@link CorsRequestFilter} ran; else, for an exception
     * thrown before it (a sub-resource locator, a filter, while matching), the matched method's, or
     * the path's. A preflight, or a request the library already answered, gets none.
     */
    CorsPolicy failurePolicy(ContainerRequestContext request) {
        CorsState state = CorsState.of(request);
        if (state != null) {
            return state.stage() == CorsState.Stage.ACTUAL ? state.policy() : null;
        }
        return isPreflight(request) ? null : policy(matched(request), rulePath(request));
    }

    /**
     * The policy of a response no resource method produced (a 404 or 405): the path's, else, for a
     * 405 on a path whose methods are covered only by their annotations, the first covered one's.
     */
    CorsPolicy unmatchedPolicy(ContainerRequestContext request, String path) {
        CorsPolicy byPath = table.lookupPath(path);
        if (byPath != null || !(request.getUriInfo() instanceof ExtendedUriInfo info) || info.getMatchedRuntimeResources().isEmpty()) {
            return byPath;
        }
        for (Resource r : info.getMatchedRuntimeResources().get(0).getResources()) {
            for (ResourceMethod m : r.getResourceMethods()) {
                CorsPolicy policy = policy(m, path);
                if (policy != null) {
                    return policy;
                }
            }
        }
        return null;
    }

    /**
     * Routes a preflight: the policies of the resource methods that would serve its announced
     * request at the matched path ({@code HEAD} without an {@code @HEAD} method: the {@code GET}
     * methods Jersey would use).
     */
    PreflightRoute route(ContainerRequestContext request, String path) {
        String requestMethod = header(request, CorsHeaders.REQUEST_METHOD);
        List<ResourceMethod> serving = servingMethods(request, requestMethod);
        List<CorsPolicy> policies = new ArrayList<>(2);
        String uncovered = null;
        for (ResourceMethod method : serving) {
            CorsPolicy policy = policy(method, path);
            if (policy == null) {
                uncovered = method.getInvocable().getHandlingMethod().toGenericString();
            } else if (policies.isEmpty() || policies.get(policies.size() - 1) != policy) {
                // Methods next to each other (by media type) under one policy object answer as that policy alone.
                policies.add(policy);
            }
        }
        if (serving.isEmpty()) {
            // No method serves the announced request (it will get 405): the path's policy answers.
            CorsPolicy policy = table.lookupPath(path);
            if (policy != null) {
                policies.add(policy);
            }
        }
        boolean passOn = false;
        ResourceMethod matched = matched(request);
        if (!policies.isEmpty() && isDeclaredOptions(matched)) {
            CorsPolicy own = policy(matched, path);
            passOn = !(own != null ? own : policies.get(0)).automaticOptions();
        }
        return new PreflightRoute(policies, uncovered, passOn);
    }

    /**
     * Whether {@code method} is an {@code @OPTIONS} method the application declared (not Jersey's
     * generated one). The annotation is read once per Java method, then looked up.
     */
    private boolean isDeclaredOptions(ResourceMethod method) {
        if (method == null) {
            return false;
        }
        Method definition = method.getInvocable().getDefinitionMethod();
        Boolean declared = declaredOptions.get(definition);
        if (declared == null) {
            declared = definition.isAnnotationPresent(OPTIONS.class);
            declaredOptions.put(definition, declared);
        }
        return declared;
    }

    private static List<ResourceMethod> servingMethods(ContainerRequestContext request, String requestMethod) {
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

    // -------------------------------------------------------------------------------- decisions

    /**
     * The one place a preflight is decided, whoever answers it (the request filter, the response
     * filter for an unrouted path or a declared {@code @OPTIONS} method); the decision is logged.
     *
     * @param policies  the policies of the methods that would serve it, not empty
     * @param uncovered a serving method no policy covers (the preflight is refused), or null
     */
    CorsDecision preflight(ContainerRequestContext request, String path, List<CorsPolicy> policies, String uncovered) {
        if (uncovered != null) {
            CorsDecision decision = CorsProcessor.uncoveredMethod(policies, uncovered);
            log(request, path, decision);
            return decision;
        }
        return preflight(request, path, policies, header(request, CorsHeaders.ORIGIN), header(request, CorsHeaders.REQUEST_METHOD));
    }

    /**
     * As {@link #preflight(ContainerRequestContext, String, List, String)} for a preflight every
     * serving method's policy covers, with {@code Origin} and {@code Access-Control-Request-Method}
     * as the caller read them.
     */
    CorsDecision preflight(ContainerRequestContext request, String path, List<CorsPolicy> policies, String origin, String method) {
        CorsDecision decision = CorsProcessor.preflight(policies, origin, method, header(request, CorsHeaders.REQUEST_HEADERS),
                header(request, CorsHeaders.REQUEST_PRIVATE_NETWORK),
                readsRequest(policies) ? new RequestView(request, method, path) : null);
        log(request, path, decision);
        return decision;
    }

    /**
     * An actual request's decision, logged: taken once, before the resource method runs (where it
     * is recorded in the request's state), or by the response filter for a response no resource
     * method produced.
     *
     * @param origin         the request's {@code Origin} as {@link #header} reads it, or null
     * @param beforeResource the resource method has not run yet, so rejectDisallowedOrigins may refuse it
     */
    CorsDecision actual(ContainerRequestContext request, String origin, String path, CorsPolicy policy, boolean beforeResource) {
        // The request's own origin is only needed where a disallowed origin may be refused.
        String requestOrigin = beforeResource && origin != null && policy.rejectDisallowedOrigins() ? requestOrigin(request) : null;
        CorsDecision decision = CorsProcessor.actual(policy, origin, server, requestOrigin,
                origin != null && policy.origins().readsRequest() ? new RequestView(request, request.getMethod(), path) : null);
        // Where crossSiteProtection decides next, it logs one line: its refusal, or this decision.
        if (!(beforeResource && !decision.forbidden() && policy.crossSiteProtection() && !CorsProcessor.isSafe(request.getMethod()))) {
            log(request, path, decision);
        }
        return decision;
    }

    /**
     * crossSiteProtection's decision on an actual request, before the resource runs; one line is
     * logged for the request: the refusal, or else the {@code actual} decision taken before it.
     */
    CorsDecision crossSite(ContainerRequestContext request, String path, CorsPolicy policy, CorsDecision actual) {
        CorsDecision decision = CorsProcessor.crossSite(policy, request.getMethod(), header(request, CorsHeaders.ORIGIN),
                header(request, CorsHeaders.SEC_FETCH_SITE), server, () -> requestOrigin(request),
                policy.origins().readsRequest() ? new RequestView(request, request.getMethod(), path) : null);
        log(request, path, decision.forbidden() ? decision : actual);
        return decision;
    }

    /**
     * The request's own origin as a browser would send it in {@code Origin}: from the request URI
     * Jersey sees, or, under trustForwardedHeaders, with the scheme and host the proxy forwarded.
     * The forwarded headers are read only then.
     */
    String requestOrigin(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        return server.trustForwardedHeaders()
                ? ServerOrigin.forwardedOrigin(uri, header(request, CorsHeaders.FORWARDED),
                        header(request, CorsHeaders.X_FORWARDED_PROTO),
                        header(request, CorsHeaders.X_FORWARDED_HOST))
                : HttpSyntax.originOf(uri);
    }

    private static boolean readsRequest(List<CorsPolicy> policies) {
        for (CorsPolicy p : policies) {
            if (p.origins().readsRequest()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request as a request-aware origin predicate sees it (the engine limits which headers it
     * may read); the path is built only if the predicate asks for it and the rules did not.
     */
    private static final class RequestView implements CorsRequestView {
        private final ContainerRequestContext request;
        private final String method;
        private String path;

        RequestView(ContainerRequestContext request, String method, String path) {
            this.request = request;
            this.method = method;
            this.path = path;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            if (path == null) {
                path = routedPath(request);
            }
            return path;
        }

        @Override
        public String header(String name) {
            return JerseyTranslator.header(request, name);
        }

        @Override
        public String toString() {
            return method + " " + path();
        }
    }

    /** Logs the decision at DEBUG; {@code path} may be null when it was not needed for the decision. */
    private static void log(ContainerRequestContext request, String path, CorsDecision decision) {
        if (CorsLog.debugEnabled()) {
            String shown = path != null ? path : routedPath(request);
            CorsLog.debug(() -> request.getMethod() + " " + CorsLog.escape(shown) + " from Origin "
                    + CorsLog.escape(header(request, CorsHeaders.ORIGIN)) + ": " + decision.outcome() + ", "
                    + decision.explain());
        }
    }

    // ----------------------------------------------------------------------------------- writes

    /**
     * Adds the decision's headers to a response on its way out, merging {@code Vary}.
     *
     * <p>Jersey's header map hashes a name by lower-casing it, which copies any name with a capital
     * letter. Each header is therefore set with one {@code put} (a {@code putSingle} would hash the
     * name twice), and {@code Vary} is looked up by its lower-case name, which hashes without a copy.
     */
    static void write(CorsDecision d, MultivaluedMap<String, Object> headers) {
        if (d.allowOrigin() != null) {
            set(headers, CorsHeaders.ALLOW_ORIGIN, d.allowOrigin());
        }
        if (d.allowCredentials()) {
            set(headers, CorsHeaders.ALLOW_CREDENTIALS, "true");
        }
        if (d.exposeHeaders() != null) {
            set(headers, CorsHeaders.EXPOSE_HEADERS, d.exposeHeaders());
        }
        if (d.allowMethods() != null) {
            set(headers, CorsHeaders.ALLOW_METHODS, d.allowMethods());
        }
        if (d.allowHeaders() != null) {
            set(headers, CorsHeaders.ALLOW_HEADERS, d.allowHeaders());
        }
        if (d.maxAge() != null) {
            set(headers, CorsHeaders.MAX_AGE, d.maxAge());
        }
        if (d.allowPrivateNetwork() != null) {
            set(headers, CorsHeaders.ALLOW_PRIVATE_NETWORK, d.allowPrivateNetwork());
        }
        if (d.vary() != null) {
            String merged = VaryHeader.merge(headers.get(CorsHeaders.VARY_KEY), d.vary());
            if (merged != null) {
                set(headers, CorsHeaders.VARY, merged);
            }
        }
    }

    /**
     * Where the container is known not to answer a 4xx without entity through {@code sendError}
     * (it is not a servlet container, or {@code setStatusOverSendError} is on), so a 403 needs no
     * entity. Until the container starts the application, and in every other servlet container,
     * it is false.
     */
    private volatile boolean refusalWithoutEntity;

    /** Tells the translator what the container does with a 4xx without entity (see {@link #refusalWithoutEntity}). */
    void refusalsWithoutEntity(boolean safe) {
        refusalWithoutEntity = safe;
    }

    /**
     * Whether the library's 403 carries an empty {@code text/plain} entity: Jersey answers a 4xx
     * without entity in a servlet container through {@code sendError}, and some containers (Jetty)
     * then drop {@code Vary}. Elsewhere it has none, which spares Jersey's entity writers.
     */
    boolean refusalNeedsEntity() {
        return !refusalWithoutEntity;
    }

    /** The library's own answer to a preflight or a refused request: 200 or 403, empty body. */
    Response answer(CorsDecision decision) {
        Response response = !decision.forbidden() ? Response.ok().build()
                : refusalNeedsEntity() ? Response.status(Response.Status.FORBIDDEN).entity("").type(MediaType.TEXT_PLAIN_TYPE).build()
                : Response.status(Response.Status.FORBIDDEN).build();
        write(decision, response.getHeaders());
        return response;
    }

    /** Sets one header value, replacing any, in one map operation; the list stays mutable for later filters. */
    private static void set(MultivaluedMap<String, Object> headers, String name, Object value) {
        List<Object> values = new ArrayList<>(1);
        values.add(value);
        headers.put(name, values);
    }

    @Override
    public String toString() {
        return "JerseyTranslator{" + table + ", own origin: " + server + "}";
    }
}
