/**
 * Cross-Origin Resource Sharing for Jakarta REST on Jersey: {@link io.github.jaxrscors.CrossOrigin}
 * per resource class or method, {@link io.github.jaxrscors.CorsFeature} for the application.
 *
 * <pre>{@code
 * @Path("users")
 * @CrossOrigin(origins = "https://app.example.com")
 * public class UserResource {
 *     @GET
 *     public List<User> list() { ... }
 * }
 *
 * new ResourceConfig(UserResource.class)
 *         .register(CorsFeature.builder().annotatedOnly().build());
 * }</pre>
 *
 * <h2>The map</h2>
 * The library is one package, in five groups; only the contract is public (the test support,
 * package {@code io.github.jaxrscors.test}, ships in a jar of its own). The engine and the configuration use
 * no Jakarta REST or Jersey type (a test reads their class files to hold that); the adapter is the
 * only place that knows Jersey, and calls down into the others, never back up.
 *
 * <p><b>Contract</b> (public)
 * <ul>
 * <li>{@code CrossOrigin}: the annotation, per method and class.</li>
 * <li>{@code OptBoolean}: tri-state annotation attributes.</li>
 * <li>{@code CorsOptions}: an immutable partial set of options, made by its builder.</li>
 * <li>{@code CorsFeature}: the application-wide options and path rules; registers the adapter.</li>
 * <li>{@code CorsProperties}: the {@code jaxrs.cors.*} property keys, and the names of the request properties that publish the decision.</li>
 * <li>{@code CorsRequestView}: the read-only request a request-aware origin predicate sees (JDK types only, so the engine may use it).</li>
 * <li>{@code CorsWebSocketConfigurator}: the origin check of WebSocket upgrades, a Jakarta WebSocket configurator.</li>
 * <li>{@code CorsServletFilter}: the servlet front filter, ahead of authentication: answers preflights, adds the CORS headers
 * to what later filters, Jersey or the container write.</li>
 * <li>{@code CorsDecisionListener}, {@code CorsDecisionEvent}: one event per covered request (outcome, reason code,
 * policy, method, path template, escaped origin), for the application's listeners.</li>
 * <li>{@code CorsMetrics}: a listener and Micrometer binder counting {@code jaxrs.cors.requests} (Micrometer optional).</li>
 * </ul>
 *
 * <p><b>Configuration</b>
 * <ul>
 * <li>{@code Layer}: one layer of options and where it came from, for messages.</li>
 * <li>{@code PropertyReader}: {@code jaxrs.cors.*} properties into a layer; wrong values fail naming the key.</li>
 * <li>{@code PolicyResolver}: stacks the six layers (the one function that does) and validates the merged policy.</li>
 * <li>{@code PolicyTable}: the application's policies and the per-request look-up by method and path.</li>
 * <li>{@code ConfigurationSources}: {@code jaxrs.cors.*} keys the library would never see (system properties, the environment,
 * a misspelt prefix), named at startup; "did you mean" for unknown keys.</li>
 * <li>{@code OriginPatternAudit}: origin patterns that admit a lookalike of their own host, found by probing.</li>
 * <li>{@code StartupNotices}: origins left to the default {@code "*"}, and path rules written as globs.</li>
 * <li>{@code ApplicationPolicies}: the running applications' policies per class loader, for code Jersey does not make.</li>
 * </ul>
 *
 * <p><b>Engine</b>
 * <ul>
 * <li>{@code CorsPolicy}: one resolved, validated policy.</li>
 * <li>{@code CorsProcessor}: the decision, a pure function of a policy and the request's CORS headers.</li>
 * <li>{@code CorsDecision}: what to answer, made by named factories, with its reason.</li>
 * <li>{@code ServerOrigin}: the server's own origin (publicOrigins, trusted forwarded headers), for same-origin checks.</li>
 * <li>{@code OriginMatcher}, {@code HeaderMatcher}: whether an origin or a header name is allowed.</li>
 * <li>{@code LiteralAffixes}, {@code AffixIndex}: each origin pattern's literal start and end, indexed by the end, so an origin
 * no pattern can match is refused without a regex, and one that one pattern can match is asked of that pattern alone.</li>
 * <li>{@code HttpSyntax}: tokens and serialized origins, checked character by character.</li>
 * <li>{@code VaryHeader}: merges {@code Vary} tokens.</li>
 * <li>{@code CorsHeaders}: the header names and {@code Vary} tokens, spelt once.</li>
 * <li>{@code CorsLog}: the one {@code System.Logger}, and the escaping of request values.</li>
 * <li>{@code DecisionEvents}: where a logged decision goes besides the log: the listeners (the builder's, then
 * those registered as providers), the JFR event
 * {@code DecisionRecord} (off unless a recording enables it), and report-only's rate-limited WARNING.</li>
 * <li>{@code RefusalSummary}: the listener of {@code CorsDecisionListener.refusalSummary()}, refusals at INFO once a minute.</li>
 * </ul>
 *
 * <p><b>Jersey adapter</b>
 * <ul>
 * <li>{@code JerseyTranslator}: the one way between Jersey and the engine: one entry point each for a request
 * ({@code request}), a response ({@code response}) and a failure ({@code failure}); builds every answer the library gives
 * ({@code answer}); logs decisions.</li>
 * <li>{@code PreflightRouter}: built at startup from Jersey's resource model; where Jersey would route a preflight's
 * announced request (which resource methods, so which policies), or that a sub-resource locator decides.</li>
 * <li>{@code RequestFacts}: what routing and a preflight's decision read of a request, whoever holds it.</li>
 * <li>{@code CorsState}: one request's CORS state, under one request property.</li>
 * <li>{@code CorsDynamicFeature}: reads the annotations (direct and composed) once per resource method, at deploy time.</li>
 * <li>{@code PreMatchingFilter}: before matching, first of all filters: hands the request to the translator, which
 * answers a routed preflight; else wraps the container's writer in {@code ErrorResponseWriter}.</li>
 * <li>{@code CorsRequestFilter}: after matching, before authentication: hands the request to the translator.</li>
 * <li>{@code CorsResponseFilter}: hands the response to the translator.</li>
 * <li>{@code ErrorResponseWriter}: writes the 500 the translator gives for an unmapped exception, then hands the exception
 * to the container.</li>
 * <li>{@code Registrations}: makes a second {@code CorsFeature} of an application, which Jersey would drop silently, an error or a WARNING.</li>
 * <li>{@code CrossOriginDiscovery}: Jersey auto-discovery; registers {@code CorsFeature} with {@code annotatedOnly()} where
 * {@code @CrossOrigin} is used and no feature is registered.</li>
 * <li>{@code ApplicationRegistration}: adds the application to {@code ApplicationPolicies} while its container runs it, and
 * hands the listeners registered as providers (a {@code @Contract} of Jersey's) to {@code DecisionEvents} at startup.</li>
 * <li>{@code StartupChecks}: what startup says: what is in force, rules that match nothing, ambiguous methods, container settings,
 * paths under locators, user {@code @PreMatching} filters; gives the translator the router.</li>
 * </ul>
 *
 * <p><b>WebSocket adapter</b> (Jakarta WebSocket, an optional dependency)
 * <ul>
 * <li>{@code WebSocketGuard}: the policy covering an upgrade (the endpoint class's {@code @CrossOrigin}, the configurator's,
 * the path rule matching its path, the application's) and the one decision: in {@code checkOrigin} with the request the
 * servlet hook shows, in {@code modifyHandshake} with the handshake outside a servlet container; reports each upgrade to the
 * application's listeners.</li>
 * <li>{@code Handshake}: an upgrade request as the decision reads it (its own origin from {@code Host} and, when trusted,
 * the forwarded headers).</li>
 * <li>{@code HandshakeView}: the handshake {@code modifyHandshake} is shown, as a {@code Handshake}.</li>
 * </ul>
 *
 * <p><b>Servlet adapter</b> (the servlet API, an optional dependency)
 * <ul>
 * <li>{@code CorsServletFilter}: a request met before every other filter: a preflight goes to
 * {@code JerseyTranslator.preflightBeforeMatching} and its answer is {@code JerseyTranslator.answer}'s; an actual request's
 * response gets {@code JerseyTranslator.actualBeforeMatching}'s decision before it is committed, unless Jersey decided.</li>
 * <li>{@code UpgradeRequests}: installed by {@code CorsServletFilter} as the context's {@code ServletContainerInitializer}: a
 * request listener that shows {@code WebSocketGuard} each upgrade request for its duration, ahead of the container's upgrade
 * filter, and the endpoints carrying {@code @CrossOrigin} by path.</li>
 * <li>{@code ServletFront}: the Jersey applications of a servlet context, under a context attribute, added by
 * {@code StartupChecks} when the Jersey servlet starts one; found by the servlet's name. Says at startup what stands in
 * front of the servlet, and whether WebSocket upgrades are shown to the origin check.</li>
 * </ul>
 *
 * <h2>A request's way through</h2>
 * Every request meets {@code PreMatchingFilter} first, then (if matched) {@code CorsRequestFilter}, then
 * {@code CorsResponseFilter}; each hands it to {@code JerseyTranslator} and does nothing else, and
 * {@code ErrorResponseWriter} asks it for the 500 of an unmapped exception. Every answer the library
 * gives (200 or 403 to a preflight, 403 to a refused request) is built by {@code JerseyTranslator.answer};
 * every preflight is decided by {@code JerseyTranslator.preflight} ({@code CorsProcessor.preflight}).
 * Every decision, one per covered request, goes through the translator's one {@code log} funnel: the
 * DEBUG line, and {@code DecisionEvents}.
 *
 * <p>With {@code CorsServletFilter} in front, a preflight the router can route is answered there,
 * ahead of every servlet filter, with the same decision and answer; any other request goes on
 * with a response that gets its decision's headers where nothing in Jersey wrote them.
 *
 * <p><b>A preflight</b> ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}):
 * before matching, the translator asks {@code PreflightRouter} where the announced request goes.
 * Where it reaches resource methods, their policies answer (a path without the announced method,
 * or that no resource serves: the path's policy); the translator publishes the decision, marks the
 * {@code CorsState} answered and aborts with the answer, ahead of every other filter. A preflight
 * no policy covers is marked left to Jersey. It waits for matching where a sub-resource locator
 * decides the route, where a declared {@code @OPTIONS} method may be passed the preflight
 * (automaticOptions off), and, with user {@code @PreMatching} filters, where no resource serves the
 * path as sent; after matching, the translator takes the policies of the matched resource's
 * methods, and either answers or records the decision in a {@code CorsState} for the declared
 * {@code @OPTIONS} method's answer, to which the response step adds it. A waiting preflight that
 * Jersey answers 404 or 405 gets the same answer, in place of Jersey's, in the response step.
 *
 * <p><b>An actual request</b>: {@code PreMatchingFilter} wraps the container's writer in
 * {@code ErrorResponseWriter} (one small object, every call passed through), so that an exception
 * thrown anywhere after it, while Jersey matches (a sub-resource locator) or in any filter, finds
 * it. After matching, the translator finds the covering policy ({@code PolicyTable.lookup}), takes
 * the decision ({@code CorsProcessor.actual}, with a {@code CorsRequestView} where the origin
 * predicate reads the request), publishes it as request properties, refuses a disallowed origin
 * under rejectDisallowedOrigins and a cross-site unsafe request under crossSiteProtection
 * ({@code CorsProcessor.crossSite}), or, in report-only mode, lets it through with the refusal
 * reported, and records {@code CorsState.actual(policy, decision)}. The
 * resource method runs; the response step writes the state's decision. A response no resource
 * method produced (a 404 or 405 in a covered rule) is decided in the response step. An exception no
 * mapper handles skips the response filters: {@code ErrorResponseWriter} asks
 * {@code JerseyTranslator.failure}, which, where a policy with interceptExceptions on covers the
 * request (the recorded state's, else the matched method's or the path's), gives the 500 with the
 * state's decision (or one taken then) and {@code Connection: close}; the writer writes and commits
 * it and hands the exception to the container; else it hands the exception on untouched.
 */
@org.jspecify.annotations.NullMarked
package io.github.jaxrscors;
