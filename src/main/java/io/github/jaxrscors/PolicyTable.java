package io.github.jaxrscors;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The application's policies and the per-request look-up: which policy, if any, covers a request
 * served by a resource method and reached through a path.
 *
 * <p>The path rules and their policies are resolved and validated when the feature is
 * configured. The policies of annotated methods are added by the deploy-time hook, once per
 * resource method and resource class: at startup for root resources, and on request threads for
 * sub-resources whose model Jersey builds on first use; those additions are copy-on-write, so a
 * look-up never sees a partly built entry. A look-up costs map reads and, only where path rules
 * exist, one whole-match per rule tried.
 */
final class PolicyTable {

    /**
     * One {@code resource(pathRegex[, options])} rule.
     *
     * @param regex  the path regex, matched against the whole path
     * @param layer  the rule's own options, or null for {@code resource(pathRegex)}
     * @param policy the rule's policy for resources it covers by path
     */
    record PathRule(Pattern regex, @Nullable Layer layer, @Nullable CorsPolicy policy) {
        @Override
        public String toString() {
            return "resource(\"" + regex.pattern() + "\")";
        }
    }

    /** A rule spec as the builder collected it. */
    record RuleSpec(String regex, @Nullable CorsOptions options) {
    }

    private final Layer builder;
    private final Layer properties;
    private final List<PathRule> rules;
    private final boolean annotatedOnly;
    private final @Nullable CorsPolicy appPolicy;
    /**
     * Per annotated Java method, per resource class serving it (an inherited method is served by
     * each subclass), the policy under each path rule, and at the last index under none. Keyed by
     * class in a map, not a list, so a method inherited by 500 resource classes is found in one step.
     */
    private final Map<Method, Map<Class<?>, CorsPolicy[]>> annotated = new ConcurrentHashMap<>();
    /** The composed annotations ({@code @PublicApi}) met on resources, for the startup line. */
    private final Set<String> composed = new ConcurrentSkipListSet<>();
    /** What startup warns about beyond errors: origins left to the defaults. */
    private final StartupNotices notices = new StartupNotices();

    private PolicyTable(Layer builder, Layer properties, List<PathRule> rules, boolean annotatedOnly, @Nullable CorsPolicy appPolicy) {
        this.builder = builder;
        this.properties = properties;
        this.rules = List.copyOf(rules);
        this.annotatedOnly = annotatedOnly;
        this.appPolicy = appPolicy;
    }

    /**
     * Builds the table from the feature's layers; validates every policy used by path.
     *
     * @param builder       the {@code CorsFeature.builder()} layer
     * @param properties    the {@code jaxrs.cors.*} properties layer
     * @param specs         the {@code resource(...)} rules in declaration order
     * @param annotatedOnly cover nothing by path
     */
    static PolicyTable create(Layer builder, Layer properties, List<RuleSpec> specs, boolean annotatedOnly) {
        PolicyResolver.checkLayer(builder.source(), builder);
        PolicyResolver.checkLayer(properties.source(), properties);
        List<PathRule> rules = new ArrayList<>();
        for (RuleSpec spec : specs) {
            String name = "resource(\"" + spec.regex() + "\")";
            StartupNotices.warnGlobRule(spec.regex());
            Pattern regex;
            try {
                regex = Pattern.compile(spec.regex());
            } catch (PatternSyntaxException e) {
                throw PolicyResolver.error(name, "the path regex is not a valid Java regular expression: "
                        + e.getDescription() + " near index " + e.getIndex() + ".");
            }
            Layer layer = spec.options() == null ? null : new Layer(spec.options(), name);
            if (layer != null) {
                PolicyResolver.checkLayer(name, layer);
            }
            CorsPolicy policy = annotatedOnly ? null : log(PolicyResolver.resolve(name, null, null, layer, builder, properties));
            rules.add(new PathRule(regex, layer, policy));
        }
        CorsPolicy app = specs.isEmpty() && !annotatedOnly
                ? log(PolicyResolver.resolve("every resource", null, null, null, builder, properties)) : null;
        PolicyTable table = new PolicyTable(builder, properties, rules, annotatedOnly, app);
        if (!annotatedOnly) {
            for (PathRule rule : rules) {
                table.notices.resolved(rule.toString(), rule.layer(), builder, properties);
            }
            if (app != null) {
                table.notices.resolved(app.source(), builder, properties);
            }
        }
        return table;
    }

    /**
     * Adds an annotated resource method; resolves and validates its policy under every rule.
     *
     * <p>Which rule lends its options depends on the request path, known only per request. A
     * combination that is invalid fails startup when the rule can match the method's path (tried
     * on sample paths made from its {@code @Path} template). Where the rule cannot match those, the
     * combination is kept refused (no CORS, should a request ever reach it), logged at DEBUG.
     *
     * @param target   {@code UserResource#list}, for messages
     * @param template the method's {@code @Path} template ({@code /users/{id}}), or null when unknown
     * @param onMethod the method's annotation layer, or null
     * @param onClass  the class's annotation layer, or null
     */
    void addAnnotated(Class<?> resourceClass, Method method, String target, @Nullable String template, @Nullable Layer onMethod,
            @Nullable Layer onClass) {
        CorsPolicy[] byRule = new CorsPolicy[rules.size() + 1];
        List<String> samples = template == null ? null : samplePaths(template);
        for (int i = 0; i <= rules.size(); i++) {
            Layer ruleLayer = i < rules.size() ? rules.get(i).layer() : null;
            String where = i < rules.size() ? target + " under " + rules.get(i) : target;
            try {
                byRule[i] = PolicyResolver.resolve(where, onMethod, onClass, ruleLayer, builder, properties);
            } catch (IllegalStateException e) {
                if (i == rules.size() || samples == null || matchesAny(rules.get(i).regex(), samples)) {
                    throw e;
                }
                String rule = rules.get(i).toString();
                String reason = e.getMessage();
                CorsLog.debug(() -> target + " is refused CORS under " + rule + ", which does not match its path " + template
                        + " (were it reached there, the merged policy would be invalid: " + reason + ")");
            }
        }
        CorsPolicy own = byRule[rules.size()];
        List<Layer> layers = new ArrayList<>(List.of(builder, properties));
        Collections.addAll(layers, onMethod, onClass);
        rules.forEach(r -> layers.add(r.layer()));
        notices.resolved(target, layers.toArray(Layer[]::new));
        CorsLog.debug(() -> "effective policy of " + own.source() + " (" + annotationSources(onMethod, onClass) + ") " + own.settings());
        // Copy-on-write: sub-resource models are built (and this is called) on request threads,
        // while other requests read the maps; a class already present is not added again.
        annotated.compute(method, (m, old) -> {
            if (old == null) {
                return Map.of(resourceClass, byRule);
            }
            if (old.containsKey(resourceClass)) {
                return old;
            }
            Map<Class<?>, CorsPolicy[]> grown = new HashMap<>(old);
            grown.put(resourceClass, byRule);
            return Map.copyOf(grown);
        });
    }

    /** The annotations a method's policy comes from, highest first, for the log. */
    private static String annotationSources(@Nullable Layer onMethod, @Nullable Layer onClass) {
        if (onMethod == null) {
            return Objects.requireNonNull(onClass, "an annotated method has a layer").sources();
        }
        return onClass == null ? onMethod.sources() : onMethod.sources() + ", " + onClass.sources();
    }

    /** Notes a composed annotation ({@code @PublicApi}) met on a resource, for the startup line. */
    void composedAnnotation(String annotation) {
        composed.add(annotation);
    }

    /** Paths a template can produce: each {@code {param}} replaced by a digit, then by a letter. */
    static List<String> samplePaths(String template) {
        List<String> samples = new ArrayList<>(2);
        for (String value : new String[] {"1", "x"}) {
            StringBuilder sb = new StringBuilder();
            int depth = 0;
            for (char c : template.toCharArray()) {
                if (c == '{') {
                    if (depth++ == 0) {
                        sb.append(value);
                    }
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0) {
                    sb.append(c);
                }
            }
            samples.add(sb.toString());
        }
        return samples;
    }

    private static boolean matchesAny(Pattern regex, List<String> paths) {
        for (String path : paths) {
            if (regex.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The policy covering a request served by {@code method} of {@code resourceClass} at
     * {@code path}, or null when it is not covered.
     */
    @Nullable CorsPolicy lookup(Class<?> resourceClass, @Nullable Method method, @Nullable String path) {
        Map<Class<?>, CorsPolicy[]> byClass = method == null ? null : annotated.get(method);
        CorsPolicy[] byRule = byClass == null ? null : byClass.get(resourceClass);
        if (byRule != null) {
            int rule = path == null ? -1 : ruleIndex(path);
            return byRule[rule < 0 ? rules.size() : rule];
        }
        return lookupPath(path);
    }

    /** The policy covering {@code path} by path alone (no annotated method), or null. */
    @Nullable CorsPolicy lookupPath(@Nullable String path) {
        if (annotatedOnly) {
            return null;
        }
        if (rules.isEmpty()) {
            return appPolicy;
        }
        // Without rules the path is never built (null); with rules it always is.
        int rule = path == null ? -1 : ruleIndex(path);
        return rule < 0 ? null : rules.get(rule).policy();
    }

    /** The application-wide layers, highest first: the {@code CorsFeature.builder()} options, then the properties. */
    List<Layer> applicationLayers() {
        return List.of(builder, properties);
    }

    /** The path rules, in declaration order. */
    List<PathRule> rules() {
        return rules;
    }

    /** Logs, once at startup, the WARNING for policies whose origins came from the defaults. */
    void warnDefaultOrigins() {
        notices.warnDefaultOrigins();
    }

    /** What is in force, in one sentence for the startup log. */
    String coverage() {
        String annotatedMethods = annotated.size() + " @CrossOrigin resource method" + (annotated.size() == 1 ? "" : "s")
                + (composed.isEmpty() ? "" : " (" + String.join(", ", composed) + " among them)");
        if (annotatedOnly) {
            return "CORS on " + annotatedMethods + " only (annotatedOnly)";
        }
        if (rules.isEmpty()) {
            return "CORS on every resource for " + audience(appPolicy);
        }
        StringBuilder sb = new StringBuilder("CORS on paths matching ");
        for (int i = 0; i < rules.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(rules.get(i)).append(" for ").append(audience(rules.get(i).policy()));
        }
        return sb.append("; and on ").append(annotatedMethods).toString();
    }

    private static String audience(@Nullable CorsPolicy policy) {
        Objects.requireNonNull(policy, "without annotatedOnly every rule and the application have a policy");
        String who = policy.answersWildcard() ? "any origin (answered with a literal *)"
                : policy.origins().any() ? "any origin (echoed)" : "origins " + policy.origins();
        String audience = policy.supportsCredentials() ? who + ", with credentials" : who;
        String guarded = policy.crossSiteProtection() ? audience + ", refusing cross-site unsafe requests (crossSiteProtection)"
                : policy.crossSiteProtectionReportOnly() ? audience + ", reporting cross-site unsafe requests without refusing them "
                + "(crossSiteProtectionReportOnly)" : audience;
        return !policy.rejectDisallowedOrigins() && policy.rejectDisallowedOriginsReportOnly()
                ? guarded + ", reporting disallowed origins without refusing them (rejectDisallowedOriginsReportOnly)" : guarded;
    }

    /**
     * Whether the path alone decides every policy: no annotated method (or none seen yet) and
     * not annotatedOnly. Then a request's policy is {@link #lookupPath} whichever method serves it.
     */
    boolean pathAlone() {
        return !annotatedOnly && annotated.isEmpty();
    }

    /** Whether a request's path can change its policy (there are rules); if not, the path need not be built. */
    boolean pathMatters() {
        return !rules.isEmpty();
    }

    /** Index of the first rule whose regex matches the whole path, or -1 (always -1 without rules). */
    private int ruleIndex(String path) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).regex().matcher(path).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static CorsPolicy log(CorsPolicy policy) {
        CorsLog.debug(() -> "effective policy of " + policy);
        return policy;
    }

    @Override
    public String toString() {
        return "PolicyTable{rules=" + rules + ", annotatedOnly=" + annotatedOnly + ", annotated methods=" + annotated.size() + "}";
    }
}
