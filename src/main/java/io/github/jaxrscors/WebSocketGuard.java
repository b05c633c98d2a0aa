package io.github.jaxrscors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The origin check of one {@link CorsWebSocketConfigurator}: which origins may open its sockets,
 * resolved once from the configurator's own {@code @CrossOrigin} over the running Jersey
 * application's options ({@link ApplicationPolicies}), and the decision for each upgrade.
 *
 * <p>Jakarta WebSocket asks {@code checkOrigin(origin)} first, with the {@code Origin} value alone,
 * and answers {@code false} with 403 on every implementation; {@code modifyHandshake} comes after,
 * with the request and the endpoint, when no status can be chosen any more. So the decision is
 * taken from the {@code Origin} value and what is known without the request: the listed origins,
 * wildcards, patterns and origin predicate, and the server's own {@code publicOrigins}. Only a
 * request-aware origin predicate waits for {@code modifyHandshake}.
 */
final class WebSocketGuard {

    /**
     * What the configurator checks against.
     *
     * @param policy     the resolved policy, or null where none can be had: every cross-origin upgrade is refused
     * @param server     the server's own origins (only publicOrigins apply: the request is not shown)
     * @param summary    what is in force, for the startup line, or why nothing is
     * @param generation the registry's generation it was resolved at: when an application starts or
     *                   stops (a reload included), it is resolved again
     */
    record Resolved(@Nullable CorsPolicy policy, ServerOrigin server, String summary, long generation) {

        /** Why {@code origin} is refused before the request is known, or null when it passes on. */
        @Nullable String refusal(String origin) {
            if (server.isOwn(origin, null)) {
                return null;
            }
            if (policy == null) {
                return "is refused: there is no valid policy (" + summary + ")";
            }
            OriginMatcher origins = policy.origins();
            if (origins.readsRequest()) {
                // Decided in modifyHandshake, where the request-aware predicate sees the handshake.
                boolean wellFormed = HttpSyntax.isSerializedOrigin(origin) || "null".equals(origin) && origins.allowNull();
                return wellFormed ? null : "is not a serialized origin";
            }
            return origins.allows(origin, null) ? null : "is not allowed by origins [" + origins + "] and is not one of the server's "
                    + "publicOrigins " + server.publicOrigins();
        }
    }

    private final Class<?> configurator;
    private final String name;
    private volatile @Nullable Resolved resolved;
    /** The endpoints whose startup line was logged. */
    private final Set<String> endpointsSeen = ConcurrentHashMap.newKeySet();

    WebSocketGuard(Class<?> configurator) {
        this.configurator = configurator;
        this.name = simpleName(configurator);
    }

    /**
     * {@code checkOrigin}: whether an upgrade with this {@code Origin} may go on. No {@code Origin}
     * passes: browsers always send one with a WebSocket upgrade, so its absence is another client,
     * which could send any value anyway.
     */
    boolean checkOrigin(@Nullable String origin) {
        if (origin == null) {
            return true;
        }
        String refusal = resolve().refusal(origin);
        if (refusal != null) {
            CorsLog.debug(() -> "WebSocket upgrade refused with 403 by " + name + ": Origin " + CorsLog.escape(origin) + " " + refusal);
        }
        return refusal == null;
    }

    /**
     * {@code modifyHandshake}: the checks that need the endpoint or the request. Returns why the
     * upgrade is refused, or null.
     *
     * @param path          the endpoint's path template
     * @param endpointClass the endpoint's class
     * @param origin        the handshake's {@code Origin}, or null
     * @param request       the handshake as a request-aware predicate sees it
     */
    @Nullable String handshake(String path, Class<?> endpointClass, @Nullable String origin, CorsRequestView request) {
        Resolved r = resolve();
        String endpoint = "WebSocket endpoint " + path + " (" + simpleName(endpointClass) + ")";
        if (endpointClass != configurator && hasAnnotation(endpointClass)) {
            String message = String.valueOf(PolicyResolver.error(endpoint, "it carries @CrossOrigin, but " + name + " decides an upgrade's Origin "
                    + "before the WebSocket container tells it which endpoint the upgrade is for (Jakarta WebSocket calls "
                    + "checkOrigin with the Origin value alone), so the annotation cannot apply, and every upgrade of the endpoint "
                    + "is refused. Move the annotation to a subclass of CorsWebSocketConfigurator and name that subclass in "
                    + "@ServerEndpoint(configurator = ...).").getMessage());
            CorsLog.errorOnce(message);
            return "is refused: " + endpoint + " carries @CrossOrigin, which cannot apply (logged at ERROR)";
        }
        if (endpointsSeen.add(path + " " + endpointClass.getName())) {
            CorsLog.info(r.policy() == null ? endpoint + " refuses every cross-origin upgrade: " + r.summary()
                    : endpoint + " is guarded by " + r.summary());
        }
        if (origin == null || r.policy() == null || !r.policy().origins().readsRequest() || r.server().isOwn(origin, null)) {
            return null;
        }
        return r.policy().origins().allows(origin, request) ? null
                : "is refused by the originPredicate for " + request.method() + " " + CorsLog.escape(request.path());
    }

    /** The resolved check, resolving it the first time and again when an application has started or stopped since. */
    Resolved resolve() {
        Resolved r = resolved;
        if (r != null && r.generation() == ApplicationPolicies.generation()) {
            return r;
        }
        synchronized (this) {
            r = resolved;
            if (r != null && r.generation() == ApplicationPolicies.generation()) {
                return r;
            }
            r = resolveNow();
            resolved = r;
            return r;
        }
    }

    private Resolved resolveNow() {
        long generation = ApplicationPolicies.generation();
        String target = "WebSocket upgrades checked by " + name;
        List<ApplicationPolicies.Application> applications = ApplicationPolicies.registered(ApplicationPolicies.current());
        List<Layer> layers = new ArrayList<>();
        try {
            for (Layer l = annotationLayer(configurator, name); l != null; l = l.composed()) {
                layers.add(l);
            }
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            return new Resolved(null, ServerOrigin.REQUEST_ONLY, String.valueOf(e.getMessage()), generation);
        }
        if (applications.size() > 1) {
            String message = String.valueOf(PolicyResolver.error(target, applications.size() + " Jersey applications with a CorsFeature run in this "
                    + "class loader (" + applications + "), and which one's options apply to WebSocket upgrades would be a guess, so "
                    + "every cross-origin upgrade is refused. Run each application in a web application of its own, or keep one "
                    + "CorsFeature where the WebSocket endpoints are.").getMessage());
            CorsLog.errorOnce(message);
            return new Resolved(null, ServerOrigin.REQUEST_ONLY, message, generation);
        }
        ServerOrigin server = ServerOrigin.REQUEST_ONLY;
        String application = null;
        if (applications.size() == 1) {
            layers.addAll(applications.get(0).table().applicationLayers());
            server = applications.get(0).server();
            application = applications.get(0).name();
        } else if (layers.isEmpty()) {
            String message = target + ": no Jersey application with a CorsFeature is running in this class loader and " + name
                    + " carries no @CrossOrigin, so no origin is allowed: every cross-origin upgrade is refused. Register "
                    + "CorsFeature on the Jersey application and have it start with the container (load-on-startup), or put "
                    + "@CrossOrigin(origins = ...) on a subclass of CorsWebSocketConfigurator.";
            CorsLog.warnOnce(List.of(this, "no application"), () -> message);
            return new Resolved(null, server, message, generation);
        }
        try {
            for (Layer l : layers) {
                PolicyResolver.checkLayer(target, l);
            }
            CorsPolicy policy = PolicyResolver.resolve(target, layers);
            Layer originLayer = Layer.DEFAULTS;
            for (Layer l : layers) {
                if (l.options().setsGroup(Option.ORIGINS)) {
                    originLayer = l;
                    break;
                }
            }
            boolean fromApplication = application != null && applications.get(0).table().applicationLayers().contains(originLayer);
            String from = originLayer.describe("origins") + (fromApplication ? " of " + application : "");
            checkNotAnySite(target, policy.origins(), from);
            String summary = name + ": origins [" + policy.origins() + "] (from " + from + ")"
                    + (server.publicOrigins().isEmpty() ? "; no publicOrigins, so a same-origin page is refused unless its origin is listed"
                            : "; same-origin pages through publicOrigins " + server.publicOrigins())
                    + "; upgrades without Origin pass; others are refused with 403";
            CorsLog.info("WebSocket upgrades checked by " + summary);
            return new Resolved(policy, server, summary, generation);
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            return new Resolved(null, server, String.valueOf(e.getMessage()), generation);
        }
    }

    /**
     * Browsers send the user's cookies with every WebSocket upgrade, whatever page opens it, and
     * no CORS check guards what the page then reads: an origin list open to any site is the
     * credentials-with-{@code "*"} mistake of CORS, always. Refused as that is.
     */
    static void checkNotAnySite(String target, OriginMatcher origins, String from) {
        String why = " (browsers send the user's cookies with a WebSocket upgrade from any page, so any site could open this socket "
                + "as its visitors and read and write as them: cross-site WebSocket hijacking).";
        String fix = " List the origins whose pages may open the socket (CorsFeature.builder().origins(...), property "
                + CorsProperties.ORIGINS + ", or @CrossOrigin on a subclass of CorsWebSocketConfigurator); a socket meant for every "
                + "site needs no origin check, so leave the configurator off it.";
        if (origins.any()) {
            throw PolicyResolver.error(target, "origins \"*\" (from " + from + ") would let every site open a WebSocket" + why + fix);
        }
        if (origins.allowNull()) {
            throw PolicyResolver.error(target, "origins \"null\" (from " + from + ") would let every site open a WebSocket from a "
                    + "sandboxed iframe, which sends Origin: null" + why + fix);
        }
        for (Pattern p : origins.patterns().all()) {
            for (String canary : PolicyResolver.ANY_ORIGIN_CANARIES) {
                if (p.matcher(canary).matches()) {
                    throw PolicyResolver.error(target, "originPatterns entry \"" + p.pattern() + "\" (from " + from + ") matches " + canary
                            + ", so it would let every site open a WebSocket" + why + " Anchor the pattern to your own domains.");
                }
            }
        }
    }

    /** Whether the class or a superclass carries {@code @CrossOrigin}, directly or composed. */
    private static boolean hasAnnotation(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(CrossOrigin.class)) {
                return true;
            }
            for (Annotation a : c.getDeclaredAnnotations()) {
                if (a.annotationType().isAnnotationPresent(CrossOrigin.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The CORS layer of a configurator class: the nearest class (itself, then its superclasses)
     * carrying {@code @CrossOrigin} or an annotation composed with it; the direct one's attributes
     * that are set win over the composed one's, as on resources.
     */
    static @Nullable Layer annotationLayer(Class<?> type, String where) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            CrossOrigin direct = c.getDeclaredAnnotation(CrossOrigin.class);
            Annotation composed = null;
            for (Annotation a : c.getDeclaredAnnotations()) {
                if (a.annotationType().isAnnotationPresent(CrossOrigin.class)) {
                    if (composed != null) {
                        throw PolicyResolver.error(where, "it carries two annotations composed with @CrossOrigin, @"
                                + simpleName(composed.annotationType()) + " and @" + simpleName(a.annotationType()) + ", and which "
                                + "one's options apply would depend on the order the JVM reports them. Keep one.");
                    }
                    composed = a;
                }
            }
            Layer below = composed == null ? null : new Layer(CorsDynamicFeature.options(
                    composed.annotationType().getAnnotation(CrossOrigin.class)), "@" + simpleName(composed.annotationType())
                            + " (@CrossOrigin) on " + where);
            if (direct != null) {
                Layer layer = new Layer(CorsDynamicFeature.options(direct), "@CrossOrigin on " + where);
                return below == null ? layer : layer.over(below);
            }
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** The class name without its package: {@code ChatEndpoint}, {@code Chat$Origins}. */
    static String simpleName(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? c.getName() : c.getName().substring(pkg.length() + 1);
    }

    @Override
    public String toString() {
        Resolved r = resolved;
        return "WebSocketGuard{" + (r == null ? name + ", not resolved yet" : r.summary()) + "}";
    }
}
