package io.github.jaxrscors.dropwizard;

import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsOptions;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The {@code cors:} block onto the library's public builders, and the checks that find the YAML path
 * of a value the library refuses. The checks are the library's own: each value, then each layer, is
 * handed to {@code CorsFeature.configure} with an empty configuration, which validates the options
 * as Jersey's start does.
 */
final class Binding {

    /** An origin for checks of other options, so that no check runs with the default origins. */
    private static final String NEUTRAL_ORIGIN = "https://example.invalid";

    /**
     * A refused value: its path below {@code cors} (property names and list indexes) and the reason.
     *
     * @param path   property names ({@code String}) and list indexes ({@code Integer})
     * @param reason the library's message, without the builder it names
     */
    record Problem(List<Object> path, String reason) {
    }

    private record ListOption(String key, Function<CorsOptionsFactory, List<String>> get,
            BiConsumer<CorsOptions.Builder, String[]> toOptions, BiConsumer<CorsFeature.Builder, String[]> toFeature) {
    }

    private record FlagOption(Function<CorsOptionsFactory, Boolean> get,
            BiConsumer<CorsOptions.Builder, Boolean> toOptions, BiConsumer<CorsFeature.Builder, Boolean> toFeature) {
    }

    private static final List<ListOption> LISTS = List.of(
            new ListOption("origins", CorsOptionsFactory::getOrigins, CorsOptions.Builder::origins, CorsFeature.Builder::origins),
            new ListOption("originPatterns", CorsOptionsFactory::getOriginPatterns, CorsOptions.Builder::originPatterns,
                    CorsFeature.Builder::originPatterns),
            new ListOption("methods", CorsOptionsFactory::getMethods, CorsOptions.Builder::methods, CorsFeature.Builder::methods),
            new ListOption("allowHeaders", CorsOptionsFactory::getAllowHeaders, CorsOptions.Builder::allowHeaders,
                    CorsFeature.Builder::allowHeaders),
            new ListOption("allowHeaderPatterns", CorsOptionsFactory::getAllowHeaderPatterns, CorsOptions.Builder::allowHeaderPatterns,
                    CorsFeature.Builder::allowHeaderPatterns),
            new ListOption("exposeHeaders", CorsOptionsFactory::getExposeHeaders, CorsOptions.Builder::exposeHeaders,
                    CorsFeature.Builder::exposeHeaders));

    private static final List<FlagOption> FLAGS = List.of(
            new FlagOption(CorsOptionsFactory::getSupportsCredentials, CorsOptions.Builder::supportsCredentials,
                    CorsFeature.Builder::supportsCredentials),
            new FlagOption(CorsOptionsFactory::getSendWildcard, CorsOptions.Builder::sendWildcard, CorsFeature.Builder::sendWildcard),
            new FlagOption(CorsOptionsFactory::getVaryHeader, CorsOptions.Builder::varyHeader, CorsFeature.Builder::varyHeader),
            new FlagOption(CorsOptionsFactory::getAllowPrivateNetwork, CorsOptions.Builder::allowPrivateNetwork,
                    CorsFeature.Builder::allowPrivateNetwork),
            new FlagOption(CorsOptionsFactory::getAutomaticOptions, CorsOptions.Builder::automaticOptions,
                    CorsFeature.Builder::automaticOptions),
            new FlagOption(CorsOptionsFactory::getInterceptExceptions, CorsOptions.Builder::interceptExceptions,
                    CorsFeature.Builder::interceptExceptions),
            new FlagOption(CorsOptionsFactory::getRejectDisallowedOrigins, CorsOptions.Builder::rejectDisallowedOrigins,
                    CorsFeature.Builder::rejectDisallowedOrigins),
            new FlagOption(CorsOptionsFactory::getCrossSiteProtection, CorsOptions.Builder::crossSiteProtection,
                    CorsFeature.Builder::crossSiteProtection),
            new FlagOption(CorsOptionsFactory::getRejectDisallowedOriginsReportOnly, CorsOptions.Builder::rejectDisallowedOriginsReportOnly,
                    CorsFeature.Builder::rejectDisallowedOriginsReportOnly),
            new FlagOption(CorsOptionsFactory::getCrossSiteProtectionReportOnly, CorsOptions.Builder::crossSiteProtectionReportOnly,
                    CorsFeature.Builder::crossSiteProtectionReportOnly));

    private Binding() {
    }

    static CorsFeature feature(CorsFactory f) {
        CorsFeature.Builder b = applicationWide(f);
        for (CorsFactory.Rule rule : f.getResources()) {
            b.resource(rule.getPath(), options(rule));
        }
        return b.build();
    }

    private static CorsFeature.Builder applicationWide(CorsFactory f) {
        CorsFeature.Builder b = CorsFeature.builder();
        for (ListOption o : LISTS) {
            List<String> values = o.get().apply(f);
            if (values != null) {
                o.toFeature().accept(b, values.toArray(String[]::new));
            }
        }
        for (FlagOption o : FLAGS) {
            Boolean value = o.get().apply(f);
            if (value != null) {
                o.toFeature().accept(b, value);
            }
        }
        if (f.getMaxAge() != null) {
            b.maxAge(f.getMaxAge().toJavaDuration());
        }
        if (f.getPublicOrigins() != null) {
            b.publicOrigins(f.getPublicOrigins().toArray(String[]::new));
        }
        if (f.getTrustForwardedHeaders() != null) {
            b.trustForwardedHeaders(f.getTrustForwardedHeaders());
        }
        if (f.isAnnotatedOnly()) {
            b.annotatedOnly();
        }
        return b;
    }

    private static CorsOptions options(CorsOptionsFactory f) {
        CorsOptions.Builder b = CorsOptions.builder();
        for (ListOption o : LISTS) {
            List<String> values = o.get().apply(f);
            if (values != null) {
                o.toOptions().accept(b, values.toArray(String[]::new));
            }
        }
        for (FlagOption o : FLAGS) {
            Boolean value = o.get().apply(f);
            if (value != null) {
                o.toOptions().accept(b, value);
            }
        }
        if (f.getMaxAge() != null) {
            b.maxAge(f.getMaxAge().toJavaDuration());
        }
        return b.build();
    }

    /**
     * The first value the library refuses, most precise first: each list entry, each rule's path,
     * then the application-wide layer when there are no rules, else each rule over it, then the whole.
     * Nulls ({@code @NotNull}, {@code @NotEmpty}) are left to the standard constraints.
     *
     * @param f the block
     * @return the problem, or null when the library accepts the block
     */
    static Problem check(CorsFactory f) {
        List<Problem> found = new ArrayList<>();
        entries(List.of(), f, found);
        list(List.of("publicOrigins"), f.getPublicOrigins(), v -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).publicOrigins(v), found);
        List<CorsFactory.Rule> rules = f.getResources() == null ? List.of() : f.getResources();
        for (int i = 0; i < rules.size(); i++) {
            CorsFactory.Rule rule = rules.get(i);
            if (rule == null || rule.getPath() == null || rule.getPath().isEmpty()) {
                return first(found);
            }
            List<Object> at = List.of("resources", i);
            run(path(at, "path"), () -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).resource(rule.getPath()), found);
            entries(at, rule, found);
        }
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (rules.isEmpty()) {
            run(List.of(), () -> applicationWide(f), found);
        }
        for (int i = 0; i < rules.size(); i++) {
            CorsFactory.Rule rule = rules.get(i);
            run(List.of("resources", i), () -> applicationWide(f).resource(rule.getPath(), options(rule)), found);
        }
        run(List.of(), () -> {
            CorsFeature.Builder b = applicationWide(f);
            rules.forEach(rule -> b.resource(rule.getPath(), options(rule)));
            return b;
        }, found);
        return first(found);
    }

    private static Problem first(List<Problem> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private static void entries(List<Object> at, CorsOptionsFactory f, List<Problem> found) {
        for (ListOption o : LISTS) {
            list(path(at, o.key()), o.get().apply(f), v -> {
                CorsFeature.Builder b = CorsFeature.builder();
                if (!"origins".equals(o.key())) {
                    b.origins(NEUTRAL_ORIGIN);
                }
                o.toFeature().accept(b, new String[] {v});
                return b;
            }, found);
        }
        if (f.getMaxAge() != null) {
            run(path(at, "maxAge"), () -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).maxAge(f.getMaxAge().toJavaDuration()), found);
        }
    }

    private static void list(List<Object> at, List<String> values, Function<String, CorsFeature.Builder> oneEntry, List<Problem> found) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                found.add(new Problem(path(at, i), "must not be empty"));
                continue;
            }
            run(path(at, i), () -> oneEntry.apply(value), found);
        }
    }

    private static List<Object> path(List<Object> at, Object next) {
        List<Object> p = new ArrayList<>(at);
        p.add(next);
        return List.copyOf(p);
    }

    private static void run(List<Object> at, Supplier<CorsFeature.Builder> builder, List<Problem> found) {
        if (!found.isEmpty()) {
            return;
        }
        try {
            builder.get().build().configure(emptyContext());
        } catch (IllegalStateException | IllegalArgumentException e) {
            boolean layer = at.isEmpty() || at.size() == 2 && "resources".equals(at.get(0));
            found.add(new Problem(at, reason(e.getMessage(), !layer)));
        }
    }

    /**
     * The library's message without the builder it names: for one value (a path of more than a
     * rule) the YAML path in front says where it came from; for a layer the builder is the block.
     */
    static String reason(String message, boolean oneValue) {
        String m = String.valueOf(message);
        String prefix = "CORS configuration error in CorsFeature.builder(): ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        return oneValue ? m.replace(" (from CorsFeature.builder())", "") : m.replace("CorsFeature.builder()", "the cors block");
    }

    /** A feature context over an empty configuration, whose registrations go nowhere. */
    private static FeatureContext emptyContext() {
        ResourceConfig configuration = new ResourceConfig();
        return (FeatureContext) Proxy.newProxyInstance(Binding.class.getClassLoader(), new Class<?>[] {FeatureContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getConfiguration":
                            return configuration;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "a check of the cors block";
                        default:
                            return Configurable.class.isAssignableFrom(method.getReturnType()) ? proxy : null;
                    }
                });
    }
}
