package io.github.jaxrscors;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every policy of the application, resolved and validated at startup, and the per-request lookup:
 * which policy (if any) covers a resource method reached through a path. Built once; the request
 * path costs map look-ups and, only where path rules exist, one whole-match per rule tried.
 */
final class PolicyTable {

    /**
     * One {@code resource(pathRegex[, options])} rule.
     *
     * @param regex  the path regex, matched against the whole path
     * @param layer  the rule's own options, or null for {@code resource(pathRegex)}
     * @param policy the rule's policy for resources it covers by path
     */
    record PathRule(Pattern regex, Layer layer, CorsPolicy policy) {
        @Override
        public String toString() {
            return "resource(\"" + regex.pattern() + "\")";
        }
    }

    /**
     * The policies of one annotated resource method of one resource class.
     *
     * @param resourceClass the resource class (methods can be inherited by several)
     * @param byRule        the policy under each path rule, and at the last index under none
     */
    record MethodPolicies(Class<?> resourceClass, CorsPolicy[] byRule) {
    }

    /** A rule spec as the builder collected it. */
    record RuleSpec(String regex, CorsOptions options) {
    }

    private final List<Layer> base;
    private final List<PathRule> rules;
    private final boolean annotatedOnly;
    private final CorsPolicy appPolicy;
    private final Map<Method, List<MethodPolicies>> annotated = new ConcurrentHashMap<>();

    private PolicyTable(List<Layer> base, List<PathRule> rules, boolean annotatedOnly, CorsPolicy appPolicy) {
        this.base = List.copyOf(base);
        this.rules = List.copyOf(rules);
        this.annotatedOnly = annotatedOnly;
        this.appPolicy = appPolicy;
    }

    /**
     * Builds the table from the feature's layers; validates every policy used by path.
     *
     * @param base          the builder layer then the properties layer
     * @param specs         the {@code resource(...)} rules in declaration order
     * @param annotatedOnly cover nothing by path
     */
    static PolicyTable create(List<Layer> base, List<RuleSpec> specs, boolean annotatedOnly) {
        List<PathRule> rules = new ArrayList<>();
        for (RuleSpec spec : specs) {
            String name = "resource(\"" + spec.regex() + "\")";
            Pattern regex;
            try {
                regex = Pattern.compile(spec.regex());
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("CORS configuration error in " + name + ": the path regex is not a valid Java "
                        + "regular expression: " + e.getDescription() + " near index " + e.getIndex() + ".");
            }
            Layer layer = spec.options() == null ? null : new Layer(spec.options(), name);
            List<Layer> layers = new ArrayList<>();
            if (layer != null) {
                layers.add(layer);
            }
            layers.addAll(base);
            CorsPolicy policy = annotatedOnly ? null : log(PolicyResolver.resolve(name, layers));
            rules.add(new PathRule(regex, layer, policy));
        }
        CorsPolicy app = specs.isEmpty() && !annotatedOnly ? log(PolicyResolver.resolve("every resource", base)) : null;
        return new PolicyTable(base, rules, annotatedOnly, app);
    }

    /**
     * Adds an annotated resource method; resolves and validates its policy under every rule.
     *
     * @param target      {@code UserResource#list}, for messages
     * @param annotations the method's then the class's annotation layer (either may be absent)
     */
    void addAnnotated(Class<?> resourceClass, Method method, String target, List<Layer> annotations) {
        CorsPolicy[] byRule = new CorsPolicy[rules.size() + 1];
        for (int i = 0; i <= rules.size(); i++) {
            List<Layer> layers = new ArrayList<>(annotations);
            Layer ruleLayer = i < rules.size() ? rules.get(i).layer() : null;
            if (ruleLayer != null) {
                layers.add(ruleLayer);
            }
            layers.addAll(base);
            String where = i < rules.size() ? target + " under " + rules.get(i) : target;
            byRule[i] = PolicyResolver.resolve(where, layers);
        }
        log(byRule[rules.size()]);
        annotated.computeIfAbsent(method, m -> new ArrayList<>()).add(new MethodPolicies(resourceClass, byRule));
    }

    /**
     * The policy covering a request served by {@code method} of {@code resourceClass} at
     * {@code path}, or null when it is not covered.
     */
    CorsPolicy lookup(Class<?> resourceClass, Method method, String path) {
        List<MethodPolicies> entries = method == null ? null : annotated.get(method);
        if (entries != null) {
            for (MethodPolicies entry : entries) {
                if (entry.resourceClass() == resourceClass) {
                    int rule = ruleIndex(path);
                    return entry.byRule()[rule < 0 ? rules.size() : rule];
                }
            }
        }
        return lookupPath(path);
    }

    /** The policy covering {@code path} by path alone (no annotated method), or null. */
    CorsPolicy lookupPath(String path) {
        if (annotatedOnly) {
            return null;
        }
        if (rules.isEmpty()) {
            return appPolicy;
        }
        int rule = ruleIndex(path);
        return rule < 0 ? null : rules.get(rule).policy();
    }

    /** Index of the first rule whose regex matches the whole path, or -1. */
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
