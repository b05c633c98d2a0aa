package io.github.jaxrscors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The origin check of one {@link CorsWebSocketConfigurator}: which policy covers an upgrade (the
 * endpoint class's {@code @CrossOrigin}, the configurator's, the first {@code resource(...)} rule
 * matching its path, the application's options, stacked in that order), and the decision.
 *
 * <p>Jakarta WebSocket asks {@code checkOrigin(origin)} first, with the {@code Origin} value alone,
 * and answers {@code false} with 403 on every implementation; {@code modifyHandshake} comes after,
 * with the request and the endpoint, and only Tyrus lets it answer 403 (Jetty and Tomcat answer a
 * refusal there with 500). So where it can, the decision is taken in {@code checkOrigin}:
 * <ul>
 * <li>in a servlet container with the library's upgrade hook ({@code UpgradeRequests}), the whole
 * request is shown to it through {@link #CURRENT}, and it decides everything;</li>
 * <li>where the application runs outside a servlet container (Tyrus beside Grizzly), it lets every
 * serialized origin on, and {@code modifyHandshake} decides with the handshake and answers 403;</li>
 * <li>in a servlet container without the hook (or with no application), it decides from the
 * {@code Origin} alone: publicOrigins for same-origin pages, the application-wide options, and a
 * refusal wherever a path rule or a request-aware predicate would decide (never a wider policy).</li>
 * </ul>
 */
final class WebSocketGuard {

    /** The servlet context attribute under which the upgrade hook says it is installed. */
    static final String HOOK_ATTRIBUTE = "io.github.jaxrscors.UpgradeRequests";

    /** The upgrade request the servlet hook shows this thread, from the request's start to its end. */
    static final ThreadLocal<@Nullable Handshake> CURRENT = new ThreadLocal<>();

    /**
     * An annotated WebSocket endpoint: its path template ({@code @ServerEndpoint.value()}) and class.
     *
     * @param template the path template, {@code /rooms/{room}}
     * @param type     the endpoint class
     */
    record Endpoint(String template, Class<?> type) {

        /** Whether {@code path} (decoded, leading {@code /}) is the template's, a {@code {name}} segment matching any one segment. */
        boolean matches(String path) {
            String[] t = template.split("/", -1);
            String[] p = path.split("/", -1);
            if (t.length != p.length) {
                return false;
            }
            for (int i = 0; i < t.length; i++) {
                boolean variable = t[i].startsWith("{") && t[i].endsWith("}") && !p[i].isEmpty();
                if (!variable && !t[i].equals(p[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The endpoint serving {@code path}: an exact template first, then the one with the most literal segments. */
        static @Nullable Endpoint find(List<Endpoint> endpoints, String path) {
            Endpoint best = null;
            int bestLiterals = -1;
            for (Endpoint e : endpoints) {
                if (e.template().equals(path)) {
                    return e;
                }
                if (e.matches(path)) {
                    int literals = 0;
                    for (String segment : e.template().split("/", -1)) {
                        literals += segment.startsWith("{") ? 0 : 1;
                    }
                    if (literals > bestLiterals) {
                        best = e;
                        bestLiterals = literals;
                    }
                }
            }
            return best;
        }
    }

    /**
     * The policy of one selection (endpoint class and path rule).
     *
     * @param policy      the resolved policy, or null where none can be had: every cross-origin upgrade is refused
     * @param application the running application, or null
     * @param summary     what is in force and where it came from, or why nothing is
     * @param source      where the origins came from, as events name the policy
     * @param generation  the registry's generation it was resolved at
     */
    record Selection(@Nullable CorsPolicy policy, ApplicationPolicies.@Nullable Application application, String summary,
            String source, long generation) {

        ServerOrigin server() {
            return application == null ? ServerOrigin.REQUEST_ONLY : application.server();
        }

    }

    /**
     * A decision: null {@code refusal} where the upgrade may go on.
     *
     * @param refusal   why it is refused (after {@code Origin "..."}), or null
     * @param reason    the event's reason
     * @param selection the selection that decided
     */
    record Verdict(@Nullable String refusal, CorsDecisionEvent.Reason reason, Selection selection) {
    }

    private final Class<?> configurator;
    private final String name;
    /** Resolved selections by endpoint class (or none) and rule index. */
    private final Map<String, Selection> selections = new ConcurrentHashMap<>();
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
        Handshake request = CURRENT.get();
        if (request != null && java.util.Objects.equals(request.header(CorsHeaders.ORIGIN), origin)) {
            Endpoint endpoint = request.endpoint();
            Verdict v = decide(origin, request, request.path(), endpoint == null ? null : endpoint.type());
            if (v.refusal() != null) {
                refused(v, origin, endpoint == null ? "" : endpoint.template(), request.path());
            }
            return v.refusal() == null;
        }
        if (origin == null) {
            return true;
        }
        List<ApplicationPolicies.Application> applications = ApplicationPolicies.registered(ApplicationPolicies.current());
        if (applications.size() == 1 && !applications.get(0).servlet()) {
            // No servlet in front: modifyHandshake sees the request and answers 403 (Tyrus); only what no request can mend is refused here.
            if (HttpSyntax.isSerializedOrigin(origin)) {
                return true;
            }
            Verdict v = new Verdict("is not a serialized origin", CorsDecisionEvent.Reason.ORIGIN_REFUSED, new Selection(null,
                    applications.get(0), "not a serialized origin", "WebSocket upgrades checked by " + name, ApplicationPolicies.generation()));
            refused(v, origin, "", null);
            return false;
        }
        Verdict v = decide(origin, null, null, null);
        if (v.refusal() != null) {
            refused(v, origin, "", null);
        }
        return v.refusal() == null;
    }

    /**
     * {@code modifyHandshake}: the decision with the endpoint and the request (the servlet hook's
     * view where it is shown, else the handshake). Returns why the upgrade is refused, or null;
     * logs each endpoint's policy the first time, and tells the application's listeners.
     *
     * @param template      the endpoint's path template
     * @param endpointClass the endpoint's class
     * @param origin        the handshake's {@code Origin}, or null
     * @param handshake     the handshake as {@code modifyHandshake} shows it
     */
    @Nullable String handshake(String template, Class<?> endpointClass, @Nullable String origin, Handshake handshake) {
        Handshake shown = CURRENT.get();
        Handshake request = shown != null && java.util.Objects.equals(shown.header(CorsHeaders.ORIGIN), origin) ? shown : handshake;
        String path = request.path();
        Verdict v = decide(origin, request, path, endpointClass);
        Selection s = v.selection();
        String endpoint = "WebSocket endpoint " + template + " (" + simpleName(endpointClass) + ")";
        if (endpointsSeen.add(template + " " + endpointClass.getName() + " " + s.summary())) {
            CorsLog.info(s.policy() == null ? endpoint + " refuses every cross-origin upgrade: " + s.summary()
                    : endpoint + " is guarded by " + s.summary() + "; same-origin pages pass through " + s.server()
                    + "; upgrades without Origin pass; others are refused with 403");
        }
        if (v.refusal() != null) {
            if (shown == request) {
                // The hook showed checkOrigin this request, and it let it on: the endpoint it could not tell carries @CrossOrigin.
                CorsLog.errorOnce(endpoint + " carries @CrossOrigin, but the upgrade hook did not know the endpoint when checkOrigin "
                        + "decided, so its upgrades are refused after the handshake began (the container's status, not 403). "
                        + "Give the endpoint class to CorsServletFilter as a ServletContainerInitializer (docs/deployment.md).");
            }
            emit(s, CorsDecisionEvent.Outcome.REFUSED_DISALLOWED_ORIGIN, v.reason(), template, origin);
        } else {
            emit(s, origin == null ? CorsDecisionEvent.Outcome.ACTUAL_WITHOUT_HEADERS : CorsDecisionEvent.Outcome.ACTUAL_ALLOWED,
                    v.reason(), template, origin);
        }
        return v.refusal();
    }

    private void refused(Verdict v, @Nullable String origin, String template, @Nullable String path) {
        String refusal = v.refusal();
        CorsLog.debug(() -> "WebSocket upgrade" + (path == null ? "" : " of " + CorsLog.escape(path)) + " refused with 403 by " + name
                + ": Origin " + CorsLog.escape(origin) + " " + refusal);
        emit(v.selection(), CorsDecisionEvent.Outcome.REFUSED_DISALLOWED_ORIGIN, v.reason(), template, origin);
    }

    private void emit(Selection s, CorsDecisionEvent.Outcome outcome, CorsDecisionEvent.Reason reason, String template,
            @Nullable String origin) {
        ApplicationPolicies.Application application = s.application();
        if (application != null && application.events().on()) {
            application.events().emit(new CorsDecisionEvent(outcome, reason, s.source(), "GET", template,
                    origin == null ? null : CorsLog.escapeUnquoted(origin)));
        }
    }

    /**
     * The decision for an upgrade. {@code request} null: only the {@code Origin} is known
     * ({@code checkOrigin} without the hook), so a path rule or a request-aware predicate that
     * would decide refuses instead, and only publicOrigins tell a same-origin page.
     */
    Verdict decide(@Nullable String origin, @Nullable Handshake request, @Nullable String path, @Nullable Class<?> endpointClass) {
        Selection s = select(endpointClass, path);
        if (origin == null) {
            return new Verdict(null, CorsDecisionEvent.Reason.NO_ORIGIN, s);
        }
        ServerOrigin server = s.server();
        if (server.isOwn(origin, request == null ? null : request.ownOrigin(server))) {
            return new Verdict(null, CorsDecisionEvent.Reason.ORIGIN_ALLOWED, s);
        }
        CorsPolicy policy = s.policy();
        if (policy == null) {
            return new Verdict("is refused: there is no valid policy (" + s.summary() + ")", CorsDecisionEvent.Reason.ORIGIN_REFUSED, s);
        }
        OriginMatcher origins = policy.origins();
        if (request == null && origins.readsRequest()) {
            CorsLog.errorOnce(unseen("a request-aware originPredicate (from " + s.source() + ")"));
            return new Verdict("is refused: the originPredicate reads the request, which checkOrigin is not shown here (logged at ERROR)",
                    CorsDecisionEvent.Reason.ORIGIN_REFUSED, s);
        }
        if (origins.allows(origin, origins.readsRequest() ? request : null)) {
            return new Verdict(null, CorsDecisionEvent.Reason.ORIGIN_ALLOWED, s);
        }
        String why = origins.readsRequest() ? "is refused by the originPredicate (from " + s.source() + ") for GET "
                + CorsLog.escape(path == null ? "/" : path)
                : "is not allowed by origins [" + origins + "] (from " + s.source() + ") and is not the server's own ("
                + server + (request == null ? ", the request not shown" : "") + ")";
        return new Verdict(why, CorsDecisionEvent.Reason.ORIGIN_REFUSED, s);
    }

    /** Why checkOrigin cannot decide without the request, and the fix. */
    private String unseen(String what) {
        return "WebSocket upgrades checked by " + name + ": " + what + " decides, but checkOrigin is shown the Origin value alone "
                + "here (a servlet container without the library's upgrade hook), so every cross-origin upgrade it would decide is "
                + "refused with 403. Register io.github.jaxrscors.CorsServletFilter as the context's ServletContainerInitializer "
                + "(found by itself in a war; embedded, see docs/deployment.md).";
    }

    /** The policy covering an upgrade of {@code endpointClass} at {@code path}, resolved once per endpoint class and rule. */
    Selection select(@Nullable Class<?> endpointClass, @Nullable String path) {
        List<ApplicationPolicies.Application> applications = ApplicationPolicies.registered(ApplicationPolicies.current());
        ApplicationPolicies.Application application = applications.size() == 1 ? applications.get(0) : null;
        int rule = -2; // no rules to choose from
        if (application != null && !application.table().rules().isEmpty()) {
            rule = path == null ? -3 : -1;
            List<PolicyTable.PathRule> rules = application.table().rules();
            for (int i = 0; path != null && i < rules.size(); i++) {
                if (rules.get(i).regex().matcher(path).matches()) {
                    rule = i;
                    break;
                }
            }
        }
        String key = (endpointClass == null ? "" : endpointClass.getName()) + "#" + rule;
        long generation = ApplicationPolicies.generation();
        Selection s = selections.get(key);
        if (s == null || s.generation() != generation) {
            s = selectNow(applications, endpointClass, rule, path, generation);
            selections.put(key, s);
        }
        return s;
    }

    private Selection selectNow(List<ApplicationPolicies.Application> applications, @Nullable Class<?> endpointClass, int rule,
            @Nullable String path, long generation) {
        String target = "WebSocket upgrades" + (endpointClass == null ? "" : " of " + simpleName(endpointClass)) + " checked by " + name;
        ApplicationPolicies.Application application = applications.size() == 1 ? applications.get(0) : null;
        List<Layer> layers = new ArrayList<>();
        try {
            if (endpointClass != null && endpointClass != configurator) {
                for (Layer l = annotationLayer(endpointClass, "the WebSocket endpoint " + simpleName(endpointClass)); l != null;
                        l = l.composed()) {
                    layers.add(l);
                }
            }
            for (Layer l = annotationLayer(configurator, name); l != null; l = l.composed()) {
                layers.add(l);
            }
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            return new Selection(null, application, String.valueOf(e.getMessage()), target, generation);
        }
        if (applications.size() > 1) {
            String message = String.valueOf(PolicyResolver.error(target, applications.size() + " Jersey applications with a CorsFeature run in this "
                    + "class loader (" + applications + "), and which one's options apply to WebSocket upgrades would be a guess, so "
                    + "every cross-origin upgrade is refused. Run each application in a web application of its own, or keep one "
                    + "CorsFeature where the WebSocket endpoints are.").getMessage());
            CorsLog.errorOnce(message);
            return new Selection(null, null, message, target, generation);
        }
        if (application == null && layers.isEmpty()) {
            String message = target + ": no Jersey application with a CorsFeature is running in this class loader and " + name
                    + " carries no @CrossOrigin, so no origin is allowed: every cross-origin upgrade is refused. Register "
                    + "CorsFeature on the Jersey application and have it start with the container (load-on-startup), or put "
                    + "@CrossOrigin(origins = ...) on the endpoint class or on a subclass of CorsWebSocketConfigurator.";
            CorsLog.warnOnce(List.of(this, "no application"), () -> message);
            return new Selection(null, null, message, target, generation);
        }
        Layer ruleLayer = null;
        if (application != null) {
            if (rule >= 0) {
                ruleLayer = application.table().rules().get(rule).layer();
                if (ruleLayer != null) {
                    layers.add(ruleLayer);
                }
            } else if (rule == -3 && layers.isEmpty()) {
                String message = unseen("the resource(...) rules of " + application.name() + " (which one covers an upgrade depends on its path)");
                CorsLog.errorOnce(message);
                return new Selection(null, application, message, target, generation);
            } else if (rule == -1 && layers.isEmpty()) {
                String message = target + ": no resource(...) rule of " + application.name() + " matches the path " + CorsLog.escape(
                        String.valueOf(path)) + ", and the endpoint carries no @CrossOrigin, so no origin is allowed: every "
                        + "cross-origin upgrade of it is refused. Add a rule whose regex matches the endpoint's path, as a "
                        + "resource's would, or put @CrossOrigin on the endpoint class.";
                CorsLog.warnOnce(List.of(this, "no rule", String.valueOf(path)), () -> message);
                return new Selection(null, application, message, target, generation);
            }
            layers.addAll(application.table().applicationLayers());
        }
        try {
            for (Layer l : layers) {
                PolicyResolver.checkLayer(target, l);
            }
            CorsPolicy resolved = PolicyResolver.resolve(target, layers);
            Layer originLayer = Layer.DEFAULTS;
            for (Layer l : layers) {
                if (l.options().setsGroup(Option.ORIGINS)) {
                    originLayer = l;
                    break;
                }
            }
            String from = originLayer.describe("origins") + (application != null && (originLayer == ruleLayer
                    || application.table().applicationLayers().contains(originLayer)) ? " of " + application.name() : "");
            checkNotAnySite(target, resolved.origins(), from);
            String summary = "origins [" + resolved.origins() + "] (from " + from + ")";
            return new Selection(resolved, application, summary, originLayer == Layer.DEFAULTS ? target : originLayer.source(),
                    generation);
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            return new Selection(null, application, String.valueOf(e.getMessage()), target, generation);
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
        return "WebSocketGuard{" + name + ", " + selections.size() + " selections resolved}";
    }
}
