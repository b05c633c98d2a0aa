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
 * </ul>
 *
 * <p><b>Jersey adapter</b>
 * <ul>
 * <li>{@code JerseyTranslator}: a Jersey request into the engine's facts and the decision back into headers; logs decisions.</li>
 * <li>{@code CorsState}: one request's CORS state, under one request property.</li>
 * <li>{@code CorsDynamicFeature}: reads the annotations (direct and composed) once per resource method, at deploy time.</li>
 * <li>{@code PreMatchingFilter}: before matching, first of all filters: answers preflights where the path alone decides,
 * else wraps the container's writer in {@code ErrorResponseWriter}.</li>
 * <li>{@code CorsRequestFilter}: after matching, before authentication: answers preflights, refuses, records the state.</li>
 * <li>{@code CorsResponseFilter}: adds the headers to actual and error responses.</li>
 * <li>{@code ErrorResponseWriter}: the 500 of an unmapped exception, with the headers, then the exception to the container.</li>
 * <li>{@code Registrations}: makes a second {@code CorsFeature} of an application, which Jersey would drop silently, an error or a WARNING.</li>
 * <li>{@code CrossOriginDiscovery}: Jersey auto-discovery; registers {@code CorsFeature} with {@code annotatedOnly()} where
 * {@code @CrossOrigin} is used and no feature is registered.</li>
 * <li>{@code ApplicationRegistration}: adds the application to {@code ApplicationPolicies} while its container runs it.</li>
 * <li>{@code StartupChecks}: what startup says: what is in force, rules that match nothing, ambiguous methods, container settings;
 * whether preflights may be answered before matching.</li>
 * </ul>
 *
 * <p><b>WebSocket adapter</b> (Jakarta WebSocket, an optional dependency)
 * <ul>
 * <li>{@code WebSocketGuard}: a configurator's origins (its {@code @CrossOrigin} over the running application's) and the
 * decision for each upgrade, from the {@code Origin} alone in {@code checkOrigin}, from the request in {@code modifyHandshake}.</li>
 * <li>{@code HandshakeView}: a WebSocket handshake as a request-aware origin predicate sees it.</li>
 * </ul>
 *
 * <h2>A request's way through</h2>
 * <b>A preflight</b> ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 * where the path alone decides every policy (no {@code @CrossOrigin} anywhere, no sub-resource
 * locator; {@code StartupChecks} finds it out when the container starts the application) is
 * answered by {@code PreMatchingFilter} with the path's policy, before Jersey matches it: every
 * method that could serve the announced request has that policy, so matching could not change the
 * answer. Elsewhere, Jersey matches it to the path's {@code OPTIONS} method, its own generated one where the
 * application declares none. {@code CorsRequestFilter} asks {@code JerseyTranslator.route} for the
 * policies of the methods that would serve the announced request, and {@code JerseyTranslator.preflight}
 * for the decision ({@code CorsProcessor.preflight}); it publishes the decision, answers 200 or
 * 403 itself and marks the {@code CorsState} answered, so the response filter leaves the answer
 * alone. A preflight left to a declared {@code @OPTIONS} method under automaticOptions off is
 * decided there too, and the response filter adds the state's headers to that method's answer. A
 * preflight to a covered path no resource serves is decided by the response filter, through the
 * same {@code JerseyTranslator.preflight} (Jersey's 404 becomes the preflight's answer).
 *
 * <p><b>Every request</b> first meets {@code PreMatchingFilter}, which wraps the container's writer
 * in {@code ErrorResponseWriter} (one small object, every call passed through), so that an exception
 * thrown anywhere after it, while Jersey matches (a sub-resource locator) or in any filter, finds it.
 *
 * <p><b>An actual request</b>: {@code CorsRequestFilter} finds the covering policy
 * ({@code PolicyTable.lookup}), asks {@code JerseyTranslator.actual} for the decision
 * ({@code CorsProcessor.actual}, with a {@code CorsRequestView} where the origin predicate reads
 * the request), publishes it as request properties, refuses a disallowed origin under
 * rejectDisallowedOrigins and a cross-site unsafe request under crossSiteProtection
 * ({@code CorsProcessor.crossSite}) and records {@code CorsState.actual(policy, decision)}. The
 * resource method runs; {@code CorsResponseFilter} reads the state and writes the decision's
 * headers. An exception no mapper handles skips the response filters: {@code ErrorResponseWriter}
 * (installed before matching by {@code PreMatchingFilter}) asks {@code JerseyTranslator.failurePolicy}
 * (the recorded state's policy, else the matched method's or the path's); where one covers the
 * request with interceptExceptions on, it writes the 500 with the state's decision (or one taken
 * then) and {@code Connection: close}, commits it and hands the exception to the container; else it
 * hands the exception on untouched. A response no resource method produced (a 404 or 405 in a
 * covered rule) is decided by the response filter.
 */
@org.jspecify.annotations.NullMarked
package io.github.jaxrscors;
