package io.github.jaxrscors.boot;

import io.github.jaxrscors.CorsDecisionListener;
import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsOptions;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The bound {@code jaxrs.cors.*} properties onto the library's public builders, and the checks that
 * name a wrong value by its property path. The checks are the library's own: each value, then each
 * layer, is handed to {@code CorsFeature.configure} with an empty configuration, which validates the
 * options the way Jersey's start does; the message gets the property path in front.
 */
final class PropertyBinding {

    /** An origin for checks of other options, so that no check runs with the default origins. */
    private static final String NEUTRAL_ORIGIN = "https://example.invalid";
    private static final String PREFIX = "jaxrs.cors";

    private record ListOption(String key, Function<CorsOptionProperties, List<String>> get,
            BiConsumer<CorsOptions.Builder, String[]> toOptions, BiConsumer<CorsFeature.Builder, String[]> toFeature) {
    }

    private record FlagOption(Function<CorsOptionProperties, Boolean> get,
            BiConsumer<CorsOptions.Builder, Boolean> toOptions, BiConsumer<CorsFeature.Builder, Boolean> toFeature) {
    }

    private static final List<ListOption> LISTS = List.of(
            new ListOption("origins", CorsOptionProperties::getOrigins, CorsOptions.Builder::origins, CorsFeature.Builder::origins),
            new ListOption("origin-patterns", CorsOptionProperties::getOriginPatterns, CorsOptions.Builder::originPatterns,
                    CorsFeature.Builder::originPatterns),
            new ListOption("methods", CorsOptionProperties::getMethods, CorsOptions.Builder::methods, CorsFeature.Builder::methods),
            new ListOption("allow-headers", CorsOptionProperties::getAllowHeaders, CorsOptions.Builder::allowHeaders,
                    CorsFeature.Builder::allowHeaders),
            new ListOption("allow-header-patterns", CorsOptionProperties::getAllowHeaderPatterns, CorsOptions.Builder::allowHeaderPatterns,
                    CorsFeature.Builder::allowHeaderPatterns),
            new ListOption("expose-headers", CorsOptionProperties::getExposeHeaders, CorsOptions.Builder::exposeHeaders,
                    CorsFeature.Builder::exposeHeaders));

    private static final List<FlagOption> FLAGS = List.of(
            new FlagOption(CorsOptionProperties::getSupportsCredentials, CorsOptions.Builder::supportsCredentials,
                    CorsFeature.Builder::supportsCredentials),
            new FlagOption(CorsOptionProperties::getSendWildcard, CorsOptions.Builder::sendWildcard, CorsFeature.Builder::sendWildcard),
            new FlagOption(CorsOptionProperties::getVaryHeader, CorsOptions.Builder::varyHeader, CorsFeature.Builder::varyHeader),
            new FlagOption(CorsOptionProperties::getAllowPrivateNetwork, CorsOptions.Builder::allowPrivateNetwork,
                    CorsFeature.Builder::allowPrivateNetwork),
            new FlagOption(CorsOptionProperties::getAutomaticOptions, CorsOptions.Builder::automaticOptions,
                    CorsFeature.Builder::automaticOptions),
            new FlagOption(CorsOptionProperties::getInterceptExceptions, CorsOptions.Builder::interceptExceptions,
                    CorsFeature.Builder::interceptExceptions),
            new FlagOption(CorsOptionProperties::getRejectDisallowedOrigins, CorsOptions.Builder::rejectDisallowedOrigins,
                    CorsFeature.Builder::rejectDisallowedOrigins),
            new FlagOption(CorsOptionProperties::getCrossSiteProtection, CorsOptions.Builder::crossSiteProtection,
                    CorsFeature.Builder::crossSiteProtection),
            new FlagOption(CorsOptionProperties::getRejectDisallowedOriginsReportOnly, CorsOptions.Builder::rejectDisallowedOriginsReportOnly,
                    CorsFeature.Builder::rejectDisallowedOriginsReportOnly),
            new FlagOption(CorsOptionProperties::getCrossSiteProtectionReportOnly, CorsOptions.Builder::crossSiteProtectionReportOnly,
                    CorsFeature.Builder::crossSiteProtectionReportOnly));

    private PropertyBinding() {
    }

    /**
     * The feature the properties describe, after {@link #check(JaxrsCorsProperties)}.
     *
     * @param p         the bound properties
     * @param listeners the decision listeners to add, in order
     * @return the feature to register
     */
    static CorsFeature feature(JaxrsCorsProperties p, List<CorsDecisionListener> listeners) {
        CorsFeature.Builder b = applicationWide(p);
        listeners.forEach(b::decisionListener);
        for (JaxrsCorsProperties.Resource rule : p.getResources()) {
            b.resource(rule.getPath(), options(rule));
        }
        return b.build();
    }

    private static CorsFeature.Builder applicationWide(JaxrsCorsProperties p) {
        CorsFeature.Builder b = CorsFeature.builder();
        for (ListOption o : LISTS) {
            List<String> values = o.get().apply(p);
            if (values != null) {
                o.toFeature().accept(b, values.toArray(String[]::new));
            }
        }
        for (FlagOption o : FLAGS) {
            Boolean value = o.get().apply(p);
            if (value != null) {
                o.toFeature().accept(b, value);
            }
        }
        if (p.getMaxAge() != null) {
            b.maxAge(p.getMaxAge());
        }
        if (p.getPublicOrigins() != null) {
            b.publicOrigins(p.getPublicOrigins().toArray(String[]::new));
        }
        if (p.getTrustForwardedHeaders() != null) {
            b.trustForwardedHeaders(p.getTrustForwardedHeaders());
        }
        if (p.isAnnotatedOnly()) {
            b.annotatedOnly();
        }
        return b;
    }

    private static CorsOptions options(CorsOptionProperties p) {
        CorsOptions.Builder b = CorsOptions.builder();
        for (ListOption o : LISTS) {
            List<String> values = o.get().apply(p);
            if (values != null) {
                o.toOptions().accept(b, values.toArray(String[]::new));
            }
        }
        for (FlagOption o : FLAGS) {
            Boolean value = o.get().apply(p);
            if (value != null) {
                o.toOptions().accept(b, value);
            }
        }
        if (p.getMaxAge() != null) {
            b.maxAge(p.getMaxAge());
        }
        return b.build();
    }

    /**
     * Checks the properties as the library checks the builder's options, most precise first: each
     * list entry ({@code jaxrs.cors.origins[1]}), each rule's path, then the application-wide layer
     * ({@code jaxrs.cors}) when there are no rules, else each rule over it ({@code jaxrs.cors.resources[0]}).
     *
     * @param p the bound properties
     * @throws InvalidCorsConfigurationException naming the property of the first mistake
     */
    static void check(JaxrsCorsProperties p) {
        checkEntries(PREFIX, p);
        check(PREFIX + ".public-origins", p.getPublicOrigins(), v -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).publicOrigins(v));
        List<JaxrsCorsProperties.Resource> rules = p.getResources();
        for (int i = 0; i < rules.size(); i++) {
            String at = PREFIX + ".resources[" + i + "]";
            JaxrsCorsProperties.Resource rule = rules.get(i);
            if (rule.getPath() == null || rule.getPath().isBlank()) {
                throw new InvalidCorsConfigurationException(at + ".path", null, "a rule needs a path: a regular expression such as /api/.*");
            }
            String path = rule.getPath();
            run(at + ".path", path, () -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).resource(path));
            checkEntries(at, rule);
        }
        if (rules.isEmpty()) {
            run(PREFIX, null, () -> applicationWide(p));
        }
        for (int i = 0; i < rules.size(); i++) {
            JaxrsCorsProperties.Resource rule = rules.get(i);
            run(PREFIX + ".resources[" + i + "]", null, () -> applicationWide(p).resource(rule.getPath(), options(rule)));
        }
        run(PREFIX, null, () -> {
            CorsFeature.Builder b = applicationWide(p);
            rules.forEach(rule -> b.resource(rule.getPath(), options(rule)));
            return b;
        });
    }

    private static void checkEntries(String at, CorsOptionProperties p) {
        for (ListOption o : LISTS) {
            check(at + "." + o.key(), o.get().apply(p), v -> {
                CorsFeature.Builder b = CorsFeature.builder();
                if (!"origins".equals(o.key())) {
                    b.origins(NEUTRAL_ORIGIN);
                }
                o.toFeature().accept(b, new String[] {v});
                return b;
            });
        }
        if (p.getMaxAge() != null) {
            run(at + ".max-age", p.getMaxAge(), () -> CorsFeature.builder().origins(NEUTRAL_ORIGIN).maxAge(p.getMaxAge()));
        }
    }

    private static void check(String key, List<String> values, Function<String, CorsFeature.Builder> oneEntry) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String at = key + "[" + i + "]";
            if (value == null) {
                throw new InvalidCorsConfigurationException(at, null, "an entry is empty");
            }
            run(at, value, () -> oneEntry.apply(value));
        }
    }

    private static void run(String property, Object value, java.util.function.Supplier<CorsFeature.Builder> builder) {
        try {
            builder.get().build().configure(emptyContext());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidCorsConfigurationException(property, value, reason(e.getMessage(), value != null), e);
        }
    }

    /**
     * The library's message without the builder it names: for one value the property path in front
     * says where it came from; for a layer the builder is the {@code jaxrs.cors.*} properties.
     */
    static String reason(String message, boolean oneValue) {
        String m = String.valueOf(message);
        String prefix = "CORS configuration error in CorsFeature.builder(): ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        return oneValue ? m.replace(" (from CorsFeature.builder())", "") : m.replace("CorsFeature.builder()", "jaxrs.cors.*");
    }

    /** A feature context over an empty configuration, whose registrations go nowhere. */
    private static FeatureContext emptyContext() {
        ResourceConfig configuration = new ResourceConfig();
        return (FeatureContext) Proxy.newProxyInstance(PropertyBinding.class.getClassLoader(), new Class<?>[] {FeatureContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getConfiguration":
                            return configuration;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "a check of the jaxrs.cors properties";
                        default:
                            return Configurable.class.isAssignableFrom(method.getReturnType()) ? proxy : null;
                    }
                });
    }
}
