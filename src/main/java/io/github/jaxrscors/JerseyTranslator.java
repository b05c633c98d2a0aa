package io.github.jaxrscors;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.jspecify.annotations.Nullable;

/**
 * The one translator between Jersey and the engine: reads a Jersey request into the engine's
 * facts (its routing, its CORS headers, the policies that cover it), asks {@link CorsProcessor},
 * logs the decision and writes it back as response headers. The filters and the error writer call
 * down into it; it calls nothing above it.
 */
final class JerseyTranslator {

    private final PolicyTable table;
    private final ServerOrigin server;
    private final DecisionEvents events;

    /**
     * What startup learnt about the application's routing, once the container starts it; until
     * then (and with early answering switched off) null, and every preflight waits for matching.
     */
    private volatile @Nullable Routing routing;

    /** Per Java method matched by a preflight: whether the application declared it {@code @OPTIONS}. */
    private final Map<Method, Boolean> declaredOptions = new ConcurrentHashMap<>();

    /**
     * The application's routing as startup found it.
     *
     * @param router          where a request would go, asked before matching
     * @param rewriters       the user's {@code @PreMatching} request filters, which run after the
     *                        library's and may rewrite the request's path or method; empty if none
     * @param declaresOptions some resource declares an {@code @OPTIONS} method
     */
    record Routing(PreflightRouter router, List<String> rewriters, boolean declaresOptions) {
        Routing {
            rewriters = List.copyOf(rewriters);
        }
    }

    /**
     * The methods that would serve a preflight's announced request, as policies.
     *
     * @param policies  the policies of the covered ones; where none serves it, the path's policy (or none)
     * @param uncovered a serving method that no policy covers, or null
     * @param passOn    the matched method is a declared {@code @OPTIONS} method whose policy turns
     *                  automaticOptions off: it answers, and the response filter adds the headers
     */
    record PreflightRoute(List<CorsPolicy> policies, @Nullable String uncovered, boolean passOn) {
    }

    /**
     * The headers by which a client asks a {@code @PreMatching} filter to serve a {@code POST} as
     * another method (Jersey's {@code HttpMethodOverrideFilter} reads the first, and a
     * {@code _method} query parameter); lower case, as {@code Access-Control-Request-Headers} lists them.
     */
    static final List<String> METHOD_OVERRIDE_HEADERS = List.of("x-http-method-override", "x-http-method", "x-method-override");

    JerseyTranslator(PolicyTable table, ServerOrigin server) {
        this(table, server, new DecisionEvents(List.of()));
    }

    /** With {@code events} told of every logged decision. */
    JerseyTranslator(PolicyTable table, ServerOrigin server, DecisionEvents events) {
        this.table = table;
        this.server = server;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------ reads

    /**
     * A request header's value as {@code getHeaderString} gives it (several lines joined with
     * {@code ","}, so two {@code Origin} lines are one malformed value), without its cost: Jersey's
     * {@code getHeaderString} copies even a single value through a {@code StringBuilder}.
     */
    static @Nullable String header(ContainerRequestContext request, String name) {
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

    /** Sets what startup learnt about the application's routing (null: every preflight waits for matching). */
    void routing(@Nullable Routing learnt) {
        routing = learnt;
    }

    /** The path the rules judge, or null where there are no rules (then it is never built). */
    @Nullable String rulePath(ContainerRequestContext request) {
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
    static String strip(@Nullable String segment) {
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
    static @Nullable ResourceMethod matched(ContainerRequestContext request) {
        return request.getUriInfo() instanceof ExtendedUriInfo info ? info.getMatchedResourceMethod() : null;
    }

    /** The policy covering the request as served by {@code method} (null: by path alone), or null. */
    @Nullable CorsPolicy policy(@Nullable ResourceMethod method, @Nullable String path) {
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
    private @Nullable CorsPolicy failurePolicy(ContainerRequestContext request) {
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
    private @Nullable CorsPolicy unmatchedPolicy(ContainerRequestContext request, @Nullable String path) {
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

    // ------------------------------------------------------------------------------ entry points

    /**
     * The one entry point for a request: before matching ({@link PreMatchingFilter}), a preflight
     * the router can route is answered; after matching ({@link CorsRequestFilter}), a preflight
     * that waited for matching is answered or passed on, and an actual request is decided,
     * published, refused or recorded in its {@link CorsState}.
     *
     * @param matched the request was matched to a resource method (called after matching)
     * @return whether the library answered the request (it is aborted with the answer)
     */
    boolean request(ContainerRequestContext request, boolean matched) {
        if (!matched) {
            return "OPTIONS".equals(request.getMethod()) && preflightBeforeMatching(request);
        }
        String path = rulePath(request);
        if (isPreflight(request)) {
            // Unless it was left to Jersey before matching, as one no policy covers.
            return CorsState.of(request) == null && preflightAfterMatching(request, path);
        }
        CorsPolicy policy = policy(matched(request), path);
        if (policy == null) {
            return false;
        }
        // Decided once, before the resource runs: the resource can read it, and the response gets it.
        // Origin is read once here (each read of Jersey's header map walks its guarded names).
        String origin = header(request, CorsHeaders.ORIGIN);
        CorsDecision decision = actual(request, origin, path, policy, true);
        CorsState.publish(request, decision, policy, origin != null);
        if (decision.forbidden()) {
            return answer(request, decision);
        }
        // A safe method always passes; asked first, so a GET builds nothing for the check.
        if (policy.judgesCrossSite() && !CorsProcessor.isSafe(request.getMethod())) {
            CorsDecision crossSite = crossSite(request, path, policy, decision);
            if (crossSite.forbidden()) {
                return answer(request, crossSite);
            }
        }
        CorsState.actual(policy, decision).putOn(request);
        return false;
    }

    /**
     * The one entry point for a response on its way out ({@link CorsResponseFilter}): adds the
     * decision's headers to a covered actual response, to an error response under
     * interceptExceptions, and to a declared {@code @OPTIONS} method's answer; a preflight to a
     * covered path no resource serves gets the library's answer in place of Jersey's 404 or 405.
     */
    void response(ContainerRequestContext request, ContainerResponseContext response) {
        CorsState state = CorsState.of(request);
        if (state == CorsState.LEFT) {
            // Jersey's own answer to a preflight no policy covers: treated as if the library had not seen it.
            state = null;
        } else if (state != null && state.stage() == CorsState.Stage.ANSWERED) {
            return;
        }
        if (state != null && state.stage() == CorsState.Stage.PASSED_ON) {
            // A declared @OPTIONS method answered; a refusal adds only Vary to its answer.
            if (state.decision() != null) {
                write(state.decision(), response.getHeaders());
            }
            return;
        }
        ResourceMethod matched = matched(request);
        // Without a state, the request filter did not run: no match (404, 405), or a filter before it aborted.
        String path = state != null ? null : rulePath(request);
        CorsPolicy policy = state != null ? state.policy() : matched != null ? policy(matched, path) : unmatchedPolicy(request, path);
        if (policy == null) {
            return;
        }
        boolean error = matched == null || response instanceof ContainerResponse r && r.isMappedFromException();
        if (error && !policy.interceptExceptions()) {
            return;
        }
        int status = response.getStatus();
        if (matched == null && (status == 404 || status == 405) && "OPTIONS".equals(request.getMethod())) {
            // A preflight (see isPreflight; its two headers read once) to a covered path no resource
            // serves, passed on to matching (a user's @PreMatching filter may have rewritten it):
            // answered like any preflight, so the announced request goes on to get its 404 with CORS
            // headers, readable by the script.
            RequestFacts facts = new JerseyFacts(request);
            String origin = facts.header(CorsHeaders.ORIGIN);
            String announced = facts.header(CorsHeaders.REQUEST_METHOD);
            if (origin != null && announced != null) {
                answer(preflight(facts, path, List.of(policy), null, origin, announced), response);
                return;
            }
        }
        // The request filter's decision where it took one; the resource method ran in between.
        CorsDecision recorded = state != null ? state.decision() : null;
        CorsDecision decision = recorded != null ? recorded : actual(request, header(request, CorsHeaders.ORIGIN), path, policy, false);
        write(decision, response.getHeaders());
    }

    /**
     * The one entry point for an exception no mapper handled ({@link ErrorResponseWriter}): the
     * 500 to write in place of the container's, with the decision's headers, an empty body and
     * {@code Connection: close}, where a policy with interceptExceptions on covers the request;
     * else null, and the exception goes to the container untouched. The request is then answered.
     */
    @Nullable ContainerResponse failure(ContainerRequest request) {
        CorsPolicy policy = failurePolicy(request);
        if (policy == null || !policy.interceptExceptions()) {
            return null;
        }
        CorsState state = CorsState.of(request);
        CorsState.ANSWERED.putOn(request);
        // Connection: close, as the containers' own 500 of an unmapped exception behaves without the
        // library: Grizzly says it and closes, Jetty closes after an exception that leaves its servlet
        // even once the response is complete. Said here, no client sends its next request into a
        // connection the container is about to close (RFC 9112, section 9.6).
        ContainerResponse response = new ContainerResponse(request, Response.serverError().entity(EMPTY_BODY)
                .header("Connection", "close").build());
        // The decision the request filter took, or, for an exception thrown before it ran, one taken now.
        CorsDecision decision = state != null && state.decision() != null ? state.decision()
                : actual(request, header(request, CorsHeaders.ORIGIN), rulePath(request), policy, false);
        write(decision, response.getHeaders());
        return response;
    }

    /** Marks the library's 500 as having a body, so no container answers it through {@code sendError}. */
    private static final byte[] EMPTY_BODY = new byte[0];

    // ---------------------------------------------------------------------------------- preflights

    /**
     * Answers a covered preflight before matching where the router can route it; leaves one no
     * policy covers to Jersey (marking it {@link CorsState#LEFT}, so nothing after matching takes
     * it up); lets the others wait for matching.
     *
     * @return whether the preflight was answered
     */
    private boolean preflightBeforeMatching(ContainerRequestContext request) {
        // A preflight (see isPreflight), its two headers read once for the decision too.
        String origin = routing == null ? null : header(request, CorsHeaders.ORIGIN);
        String method = origin == null ? null : header(request, CorsHeaders.REQUEST_METHOD);
        if (origin == null || method == null) {
            return false;
        }
        Early early = preflightBeforeMatching(new JerseyFacts(request), origin, method);
        if (early == Early.LEAVE) {
            CorsState.LEFT.putOn(request);
            return false;
        }
        CorsDecision decision = early.decision();
        CorsPolicy policy = early.policy();
        if (decision == null || policy == null) {
            return false; // Early.WAIT
        }
        CorsState.publish(request, decision, policy, true);
        return answer(request, decision);
    }

    /**
     * A preflight's fate before matching.
     *
     * @param decision the answer's decision, for an answered preflight
     * @param policy   the first policy it was decided under (published to application code)
     */
    record Early(@Nullable CorsDecision decision, @Nullable CorsPolicy policy) {
        /** No policy covers it: Jersey answers it as it would without the library. */
        static final Early LEAVE = new Early(null, null);
        /** It cannot be told before matching: it goes on, and the library answers it after matching. */
        static final Early WAIT = new Early(null, null);
    }

    /**
     * Routes a preflight before matching and decides it where the route is known; takes the
     * request as {@link RequestFacts}, so a caller outside Jersey's filter chain can ask too.
     * Before the container has started the application, every preflight waits.
     *
     * <p>It waits for matching where the announced request reaches a sub-resource locator, where
     * the preflight itself reaches a declared {@code @OPTIONS} method that may be passed the
     * preflight (automaticOptions off), and, with user {@code @PreMatching} filters registered,
     * where the path as sent reaches no resource (a filter may rewrite it to one). With such
     * filters, a {@code POST} that announces a method-override header or carries {@code _method}
     * must be allowed by every method of its path, whichever the filter turns it into.
     */
    Early preflightBeforeMatching(RequestFacts facts, String origin, String method) {
        Routing learnt = routing;
        if (learnt == null) {
            return Early.WAIT;
        }
        PreflightRouter.Routed routed = learnt.router().route(facts.encodedPath(), method);
        if (routed.outcome() == PreflightRouter.Outcome.LOCATOR) {
            return Early.WAIT;
        }
        boolean rewritten = !learnt.rewriters().isEmpty();
        String path = table.pathMatters() ? facts.routedPath() : null;
        PreflightRoute route;
        if (routed.outcome() == PreflightRouter.Outcome.UNROUTED) {
            if (rewritten) {
                return Early.WAIT;
            }
            CorsPolicy policy = table.lookupPath(path);
            route = new PreflightRoute(policy == null ? List.of() : List.of(policy), null, false);
        } else {
            RuntimeResource served = routed.resource();
            List<ResourceMethod> serving = served != null && rewritten && "POST".equals(method) && announcesOverride(facts)
                    ? everyMethod(served) : routed.serving();
            route = policies(serving, path);
        }
        if (route.policies().isEmpty()) {
            return Early.LEAVE;
        }
        if (learnt.declaresOptions() && mayPassOn(learnt.router(), facts, path, route.policies().get(0))) {
            return Early.WAIT;
        }
        // The template the router found, for the decision's event (only built where an event is taken).
        RuntimeResource served = routed.resource();
        RequestFacts judged = served != null && events.on() ? new Routed(facts, template(served)) : facts;
        CorsDecision decision = preflight(judged, path, route.policies(), route.uncovered(), origin, method);
        return new Early(decision, route.policies().get(0));
    }

    /**
     * The decision for an actual request met before Jersey ({@link CorsServletFilter}), for the
     * response that later filters, Jersey or the container write: under the policy of the method
     * that would serve it (a 405: the path's, else its resource's first covered method's, as the
     * response step finds it; under a sub-resource locator or no resource: the path's). The front
     * filter asks only where Jersey took no decision (a 401 or 403 of a filter in front), so this
     * is the request's one decision: logged and reported like Jersey's own, with the template of
     * the resource the router found (empty under a locator or no resource, as Jersey's before a
     * match). Null where no policy covers the request, or before the container has started the
     * application: then nothing is added (closed, never open).
     */
    @Nullable CorsDecision actualBeforeMatching(RequestFacts facts) {
        Routing learnt = routing;
        if (learnt == null) {
            return null;
        }
        String path = table.pathMatters() ? facts.routedPath() : null;
        PreflightRouter.Routed routed = learnt.router().route(facts.encodedPath(), facts.method());
        CorsPolicy policy = null;
        if (!routed.serving().isEmpty()) {
            policy = policy(routed.serving().get(0), path);
        } else {
            policy = table.lookupPath(path);
            RuntimeResource served = routed.resource();
            if (policy == null && served != null) {
                for (Resource r : served.getResources()) {
                    for (ResourceMethod m : r.getResourceMethods()) {
                        policy = policy == null ? policy(m, path) : policy;
                    }
                }
            }
        }
        if (policy == null) {
            return null;
        }
        String origin = facts.header(CorsHeaders.ORIGIN);
        CorsDecision decision = CorsProcessor.actual(policy, origin, server, null,
                origin != null && policy.origins().readsRequest() ? new RequestView(facts, facts.method(), path) : null);
        if (CorsLog.debugEnabled() || events.on(decision)) {
            RuntimeResource served = routed.resource();
            log(served != null && events.on() ? new Routed(facts, template(served)) : facts, path, decision, policy, false);
        }
        return decision;
    }

    /**
     * Whether the preflight itself ({@code OPTIONS}) reaches a declared {@code @OPTIONS} method that
     * it would be passed on to (its policy, else the announced method's, turns automaticOptions off).
     */
    private boolean mayPassOn(PreflightRouter router, RequestFacts facts, @Nullable String path, CorsPolicy announced) {
        PreflightRouter.Routed options = router.route(facts.encodedPath(), "OPTIONS");
        if (options.outcome() == PreflightRouter.Outcome.LOCATOR) {
            return true;
        }
        for (ResourceMethod m : options.serving()) {
            if (isDeclaredOptions(m)) {
                CorsPolicy own = policy(m, path);
                if (!(own != null ? own : announced).automaticOptions()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code Access-Control-Request-Headers} names a method-override header, or the query carries {@code _method}. */
    static boolean announcesOverride(RequestFacts facts) {
        String query = facts.encodedQuery();
        if (query != null && (query.startsWith("_method=") || query.contains("&_method="))) {
            return true;
        }
        String names = facts.header(CorsHeaders.REQUEST_HEADERS);
        if (names == null) {
            return false;
        }
        for (String name : names.split(",")) {
            if (METHOD_OVERRIDE_HEADERS.contains(name.strip().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Every method of {@code resource} a request could be turned into ({@code OPTIONS} aside). */
    private static List<ResourceMethod> everyMethod(RuntimeResource resource) {
        List<ResourceMethod> every = new ArrayList<>();
        for (ResourceMethod m : resource.getResourceMethods()) {
            if (!"OPTIONS".equals(m.getHttpMethod())) {
                every.add(m);
            }
        }
        return every;
    }

    /**
     * After matching, a preflight that waited: the policies of the methods of the matched resource
     * that would serve the announced request; decided and answered, or passed on to a declared
     * {@code @OPTIONS} method with the decision recorded for its answer.
     */
    private boolean preflightAfterMatching(ContainerRequestContext request, @Nullable String path) {
        PreflightRoute route = route(request, path);
        if (route.policies().isEmpty()) {
            return false; // not covered: left to Jersey untouched
        }
        RequestFacts facts = new JerseyFacts(request);
        String origin = facts.header(CorsHeaders.ORIGIN);
        String method = facts.header(CorsHeaders.REQUEST_METHOD);
        if (origin == null || method == null) {
            return false; // not a preflight (the caller asked isPreflight): never here
        }
        if (route.passOn()) {
            // Decided now, so the declared @OPTIONS method can read it; the response step writes the decision's
            // headers onto its answer (only Vary where it refuses). Where a serving method is not covered,
            // nothing is decided and nothing is added.
            CorsDecision decision = route.uncovered() != null ? null : preflight(facts, path, route.policies(), null, origin, method);
            if (decision != null) {
                CorsState.publish(request, decision, route.policies().get(0), true);
            }
            CorsState.passedOn(decision).putOn(request);
            return false;
        }
        CorsDecision decision = preflight(facts, path, route.policies(), route.uncovered(), origin, method);
        CorsState.publish(request, decision, route.policies().get(0), true);
        return answer(request, decision);
    }

    /**
     * Routes a preflight after matching: the policies of the resource methods of the matched
     * resource that would serve its announced request ({@link PreflightRouter#serving}).
     */
    private PreflightRoute route(ContainerRequestContext request, @Nullable String path) {
        String requestMethod = header(request, CorsHeaders.REQUEST_METHOD);
        List<ResourceMethod> serving = requestMethod != null && request.getUriInfo() instanceof ExtendedUriInfo info
                && !info.getMatchedRuntimeResources().isEmpty()
                ? PreflightRouter.serving(info.getMatchedRuntimeResources().get(0), requestMethod) : List.of();
        PreflightRoute route = policies(serving, path);
        boolean passOn = false;
        ResourceMethod matched = matched(request);
        if (!route.policies().isEmpty() && isDeclaredOptions(matched)) {
            CorsPolicy own = policy(matched, path);
            passOn = !(own != null ? own : route.policies().get(0)).automaticOptions();
        }
        return new PreflightRoute(route.policies(), route.uncovered(), passOn);
    }

    /**
     * The policies of the methods that serve a preflight's announced request, before or after
     * matching alike; where none serves it (it will get 405), the path's policy.
     */
    private PreflightRoute policies(List<ResourceMethod> serving, @Nullable String path) {
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
            CorsPolicy policy = table.lookupPath(path);
            if (policy != null) {
                policies.add(policy);
            }
        }
        return new PreflightRoute(policies, uncovered, false);
    }

    /**
     * Whether {@code method} is an {@code @OPTIONS} method the application declared (not Jersey's
     * generated one). The annotation is read once per Java method, then looked up.
     */
    private boolean isDeclaredOptions(@Nullable ResourceMethod method) {
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

    /** Whether {@code method} is an {@code @OPTIONS} method the application declared, for startup. */
    static boolean declaresOptions(ResourceMethod method) {
        return "OPTIONS".equals(method.getHttpMethod()) && method.getInvocable().getDefinitionMethod().isAnnotationPresent(OPTIONS.class);
    }

    // -------------------------------------------------------------------------------- decisions

    /**
     * The one place a preflight is decided, whoever answers it (before matching, after matching,
     * for an unrouted path or a declared {@code @OPTIONS} method); the decision is logged.
     *
     * @param policies  the policies of the methods that would serve it, not empty
     * @param uncovered a serving method no policy covers (the preflight is refused), or null
     * @param origin    {@code Origin} as {@link #header} reads it
     * @param method    {@code Access-Control-Request-Method} as {@link #header} reads it
     */
    CorsDecision preflight(RequestFacts facts, @Nullable String path, List<CorsPolicy> policies, @Nullable String uncovered, String origin,
            String method) {
        CorsDecision decision = uncovered != null ? CorsProcessor.uncoveredMethod(policies, uncovered)
                : CorsProcessor.preflight(policies, origin, method, facts.header(CorsHeaders.REQUEST_HEADERS),
                        facts.header(CorsHeaders.REQUEST_PRIVATE_NETWORK), readsRequest(policies) ? new RequestView(facts, method, path) : null);
        log(facts, path, decision, policies.get(0), true);
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
    private CorsDecision actual(ContainerRequestContext request, @Nullable String origin, @Nullable String path, CorsPolicy policy,
            boolean beforeResource) {
        // The request's own origin is only needed where a disallowed origin may be refused.
        String requestOrigin = beforeResource && origin != null && policy.judgesDisallowedOrigins() ? requestOrigin(request) : null;
        CorsDecision decided = CorsProcessor.actual(policy, origin, server, requestOrigin,
                origin != null && policy.origins().readsRequest() ? new RequestView(new JerseyFacts(request), request.getMethod(), path) : null);
        // Report-only (the option itself off): the request proceeds as with the option off; the refusal is reported.
        CorsDecision decision = decided.forbidden() && !policy.rejectDisallowedOrigins() ? decided.reported() : decided;
        // Where crossSiteProtection decides next, it logs one line: its refusal, or this decision.
        if (!(beforeResource && !decision.forbidden() && policy.judgesCrossSite() && !CorsProcessor.isSafe(request.getMethod()))) {
            log(request, path, decision, policy);
        }
        return decision;
    }

    /**
     * crossSiteProtection's decision on an actual request, before the resource runs; one line is
     * logged for the request: the refusal, or else the {@code actual} decision taken before it.
     */
    private CorsDecision crossSite(ContainerRequestContext request, @Nullable String path, CorsPolicy policy, CorsDecision actual) {
        CorsDecision decided = CorsProcessor.crossSite(policy, request.getMethod(), header(request, CorsHeaders.ORIGIN),
                header(request, CorsHeaders.SEC_FETCH_SITE), server, () -> requestOrigin(request),
                policy.origins().readsRequest() ? new RequestView(new JerseyFacts(request), request.getMethod(), path) : null);
        // Report-only (the option itself off): the request proceeds as with the option off; the refusal is
        // reported in place of the actual decision.
        CorsDecision decision = decided.forbidden() && !policy.crossSiteProtection() ? decided.reported() : decided;
        log(request, path, decision.forbidden() || decision.reportedOnly() ? decision : actual, policy);
        return decision;
    }

    /**
     * The request's own origin as a browser would send it in {@code Origin}: from the request URI
     * Jersey sees, or, under trustForwardedHeaders, with the scheme and host the proxy forwarded.
     * The forwarded headers are read only then.
     */
    private String requestOrigin(ContainerRequestContext request) {
        return server.requestOrigin(request.getUriInfo().getRequestUri(), name -> header(request, name));
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
        private final RequestFacts request;
        private final String method;
        private @Nullable String path;

        RequestView(RequestFacts request, String method, @Nullable String path) {
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
            String built = path;
            if (built == null) {
                built = request.routedPath();
                path = built;
            }
            return built;
        }

        @Override
        public @Nullable String header(String name) {
            return request.header(name);
        }

        @Override
        public String toString() {
            return method + " " + path();
        }
    }

    /** A Jersey request's facts; built for a preflight, or where an origin predicate reads the request. */
    static final class JerseyFacts implements RequestFacts {
        private final ContainerRequestContext request;

        JerseyFacts(ContainerRequestContext request) {
            this.request = request;
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public @Nullable String header(String name) {
            return JerseyTranslator.header(request, name);
        }

        @Override
        public String encodedPath() {
            return request.getUriInfo().getPath(false);
        }

        @Override
        public String encodedQuery() {
            return request.getUriInfo().getRequestUri().getRawQuery();
        }

        @Override
        public String routedPath() {
            return JerseyTranslator.routedPath(request);
        }

        /** The matched resource's path template, or empty before or without a match. */
        String template() {
            return request.getUriInfo() instanceof ExtendedUriInfo info && !info.getMatchedRuntimeResources().isEmpty()
                    ? JerseyTranslator.template(info.getMatchedRuntimeResources().get(0)) : "";
        }

        @Override
        public String toString() {
            return "JerseyFacts{" + request.getMethod() + " " + encodedPath() + "}";
        }
    }

    /**
     * Logs an actual request's decision at DEBUG and reports it to {@link DecisionEvents}: the one
     * funnel of decisions, called once per covered request. {@code path} may be null when it was
     * not needed for the decision.
     */
    private void log(ContainerRequestContext request, @Nullable String path, CorsDecision decision, CorsPolicy policy) {
        if (CorsLog.debugEnabled() || events.on(decision)) {
            log(new JerseyFacts(request), path, decision, policy, false);
        }
    }

    private void log(RequestFacts request, @Nullable String path, CorsDecision decision, CorsPolicy policy, boolean preflight) {
        if (CorsLog.debugEnabled()) {
            String shown = path != null ? path : request.routedPath();
            CorsLog.debug(() -> request.method() + " " + CorsLog.escape(shown) + " from Origin "
                    + CorsLog.escape(request.header(CorsHeaders.ORIGIN)) + ": " + decision.outcome() + ", "
                    + decision.explain());
        }
        if (events.on(decision)) {
            String template = request instanceof Routed routed ? routed.template()
                    : request instanceof JerseyFacts jersey ? jersey.template() : "";
            events.emit(decision, policy, preflight, request.method(), template, request.header(CorsHeaders.ORIGIN));
        }
    }

    /** A resource's full path template relative to the application root ({@code /users/{id}}), for events. */
    static String template(RuntimeResource resource) {
        List<String> parts = new ArrayList<>(2);
        for (RuntimeResource r = resource; r != null; r = r.getParent()) {
            String own = strip(r.getPathPattern().getTemplate().getTemplate());
            if (!own.isEmpty()) {
                parts.add(0, own);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Facts with the template the router found before matching, for the decision's event. */
    private record Routed(RequestFacts facts, String template) implements RequestFacts {
        @Override
        public String method() {
            return facts.method();
        }

        @Override
        public @Nullable String header(String name) {
            return facts.header(name);
        }

        @Override
        public String encodedPath() {
            return facts.encodedPath();
        }

        @Override
        public @Nullable String encodedQuery() {
            return facts.encodedQuery();
        }

        @Override
        public String routedPath() {
            return facts.routedPath();
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
     * Whether the library's 403 carries an empty {@code text/plain} entity: Jersey answers a 4xx
     * without entity in a servlet container through {@code sendError}, and some containers (Jetty)
     * then drop {@code Vary}. Until the container starts the application it is true; then it stays
     * true only in a servlet container without {@code setStatusOverSendError}. Elsewhere the 403
     * has no entity, which spares Jersey's entity writers.
     */
    private volatile boolean refusalEntity = true;

    /** Tells the translator whether its 403 needs an entity (see {@link #refusalEntity}). */
    void refusalEntity(boolean needed) {
        refusalEntity = needed;
    }

    /**
     * The library's own answer to a preflight or a refused request, built here alone: 200 or 403,
     * empty body (an empty {@code text/plain} entity on a 403 where {@link #refusalEntity} says so),
     * and the decision's headers.
     */
    Response answer(CorsDecision decision) {
        Response response = !decision.forbidden() ? Response.ok().build()
                : refusalEntity ? Response.status(Response.Status.FORBIDDEN).entity("").type(MediaType.TEXT_PLAIN_TYPE).build()
                : Response.status(Response.Status.FORBIDDEN).build();
        write(decision, response.getHeaders());
        return response;
    }

    /** Answers {@code request} with {@link #answer(CorsDecision)}; nothing more is added to it. */
    private boolean answer(ContainerRequestContext request, CorsDecision decision) {
        CorsState.ANSWERED.putOn(request);
        request.abortWith(answer(decision));
        return true;
    }

    /**
     * Turns Jersey's 404 or 405 to a preflight into {@link #answer(CorsDecision)}: its status, its
     * entity and its headers replace Jersey's ({@code Allow} and {@code Content-Type} go); headers
     * other filters added stay, {@code Vary} merged.
     */
    private void answer(CorsDecision decision, ContainerResponseContext response) {
        Response own = answer(decision);
        response.getHeaders().remove("Allow");
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.setStatus(own.getStatus());
        if (own.hasEntity()) {
            response.setEntity(own.getEntity(), new Annotation[0], own.getMediaType());
        } else {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        write(decision, response.getHeaders());
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
