package io.github.jaxrscors;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code jaxrs.cors.*} configuration properties into the layer below the feature's own
 * options. A value of the wrong type or form, or an unknown {@code jaxrs.cors.} key (a typo would
 * otherwise be ignored silently), fails startup naming the key.
 */
final class PropertyReader {

    static final String SOURCE = "jaxrs.cors.* properties";
    private static final String PREFIX = "jaxrs.cors.";

    static final Set<String> KNOWN = Set.of(CorsProperties.ORIGINS, CorsProperties.ORIGIN_PATTERNS,
            CorsProperties.METHODS, CorsProperties.ALLOW_HEADERS, CorsProperties.ALLOW_HEADER_PATTERNS,
            CorsProperties.EXPOSE_HEADERS, CorsProperties.SUPPORTS_CREDENTIALS, CorsProperties.MAX_AGE,
            CorsProperties.SEND_WILDCARD, CorsProperties.VARY_HEADER, CorsProperties.ALLOW_PRIVATE_NETWORK,
            CorsProperties.AUTOMATIC_OPTIONS, CorsProperties.INTERCEPT_EXCEPTIONS,
            CorsProperties.REJECT_DISALLOWED_ORIGINS,
            CorsProperties.CROSS_SITE_PROTECTION, CorsProperties.PUBLIC_ORIGINS, CorsProperties.TRUST_FORWARDED_HEADERS);

    private PropertyReader() {
    }

    /**
     * The properties layer of {@code properties} (the application's configuration).
     *
     * @throws IllegalStateException naming the key of a value of the wrong type or form
     */
    static Layer read(Map<String, Object> properties) {
        for (String key : properties.keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                throw PolicyResolver.error("property " + key, "no such jaxrs-cors property "
                        + "(a misspelt key would otherwise be ignored)." + ConfigurationSources.didYouMean(key, KNOWN)
                        + " Known keys: " + new TreeSet<>(KNOWN) + ".");
            }
        }
        CorsOptions.Builder b = CorsOptions.builder();
        Object v;
        if ((v = properties.get(CorsProperties.ORIGINS)) != null) {
            b.origins(list(CorsProperties.ORIGINS, v));
        }
        if ((v = properties.get(CorsProperties.ORIGIN_PATTERNS)) != null) {
            b.originPatterns(list(CorsProperties.ORIGIN_PATTERNS, v));
        }
        if ((v = properties.get(CorsProperties.METHODS)) != null) {
            b.methods(list(CorsProperties.METHODS, v));
        }
        if ((v = properties.get(CorsProperties.ALLOW_HEADERS)) != null) {
            b.allowHeaders(list(CorsProperties.ALLOW_HEADERS, v));
        }
        if ((v = properties.get(CorsProperties.ALLOW_HEADER_PATTERNS)) != null) {
            b.allowHeaderPatterns(list(CorsProperties.ALLOW_HEADER_PATTERNS, v));
        }
        if ((v = properties.get(CorsProperties.EXPOSE_HEADERS)) != null) {
            b.exposeHeaders(list(CorsProperties.EXPOSE_HEADERS, v));
        }
        if ((v = properties.get(CorsProperties.SUPPORTS_CREDENTIALS)) != null) {
            b.supportsCredentials(flag(CorsProperties.SUPPORTS_CREDENTIALS, v));
        }
        if ((v = properties.get(CorsProperties.MAX_AGE)) != null) {
            b.maxAge(seconds(CorsProperties.MAX_AGE, v));
        }
        if ((v = properties.get(CorsProperties.SEND_WILDCARD)) != null) {
            b.sendWildcard(flag(CorsProperties.SEND_WILDCARD, v));
        }
        if ((v = properties.get(CorsProperties.VARY_HEADER)) != null) {
            b.varyHeader(flag(CorsProperties.VARY_HEADER, v));
        }
        if ((v = properties.get(CorsProperties.ALLOW_PRIVATE_NETWORK)) != null) {
            b.allowPrivateNetwork(flag(CorsProperties.ALLOW_PRIVATE_NETWORK, v));
        }
        if ((v = properties.get(CorsProperties.AUTOMATIC_OPTIONS)) != null) {
            b.automaticOptions(flag(CorsProperties.AUTOMATIC_OPTIONS, v));
        }
        if ((v = properties.get(CorsProperties.INTERCEPT_EXCEPTIONS)) != null) {
            b.interceptExceptions(flag(CorsProperties.INTERCEPT_EXCEPTIONS, v));
        }
        if ((v = properties.get(CorsProperties.REJECT_DISALLOWED_ORIGINS)) != null) {
            b.rejectDisallowedOrigins(flag(CorsProperties.REJECT_DISALLOWED_ORIGINS, v));
        }
        if ((v = properties.get(CorsProperties.CROSS_SITE_PROTECTION)) != null) {
            b.crossSiteProtection(flag(CorsProperties.CROSS_SITE_PROTECTION, v));
        }
        return Layer.ofProperties(b.build(), SOURCE);
    }

    /**
     * The server's own origin settings, application-wide: the builder's values over the
     * properties', each validated and named by its source.
     *
     * @param builderOrigins {@code CorsFeature.Builder.publicOrigins}, or null when not set
     * @param builderTrust   {@code CorsFeature.Builder.trustForwardedHeaders}, or null when not set
     * @throws IllegalStateException naming the key or the builder
     */
    static ServerOrigin serverOrigin(List<String> builderOrigins, Boolean builderTrust, Map<String, Object> properties) {
        Object v;
        List<String> origins = List.of();
        String source = "CorsFeature.builder()";
        if (builderOrigins != null) {
            origins = builderOrigins;
        } else if ((v = properties.get(CorsProperties.PUBLIC_ORIGINS)) != null) {
            origins = List.of(list(CorsProperties.PUBLIC_ORIGINS, v));
            source = "property " + CorsProperties.PUBLIC_ORIGINS;
        }
        boolean trust = false;
        if (builderTrust != null) {
            trust = builderTrust;
        } else if ((v = properties.get(CorsProperties.TRUST_FORWARDED_HEADERS)) != null) {
            trust = flag(CorsProperties.TRUST_FORWARDED_HEADERS, v);
        }
        return PolicyResolver.serverOrigin(origins, source, trust);
    }

    private static String[] list(String key, Object value) {
        String[] entries = entries(key, value);
        if (entries.length == 0) {
            throw error(key, "is empty (" + describe(value) + "), which would allow nothing. List at least one entry, "
                    + "or remove the property to inherit the default.");
        }
        return entries;
    }

    private static String[] entries(String key, Object value) {
        if (value instanceof String s) {
            // The String form is the one place where a comma separates entries.
            return Arrays.stream(s.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toArray(String[]::new);
        }
        if (value instanceof String[] array) {
            for (String element : array) {
                if (element == null) {
                    throw error(key, "holds null; a String[] value must hold only Strings.");
                }
            }
            return array.clone();
        }
        if (value instanceof Collection<?> collection) {
            List<String> entries = new ArrayList<>();
            for (Object element : collection) {
                if (!(element instanceof String s)) {
                    throw error(key, "holds " + describe(element) + "; a Collection value must hold only Strings.");
                }
                entries.add(s);
            }
            return entries.toArray(String[]::new);
        }
        throw error(key, "is " + describe(value) + "; use a comma-separated String, a String[] or a Collection<String>.");
    }

    private static boolean flag(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw error(key, "is " + describe(value) + "; use a Boolean or the String \"true\" or \"false\".");
    }

    private static long seconds(String key, Object value) {
        if (value instanceof Duration d) {
            return d.getSeconds();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                return t.startsWith("P") || t.startsWith("p") || t.startsWith("-P") ? Duration.parse(t).getSeconds() : Long.parseLong(t);
            } catch (NumberFormatException | DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw error(key, "is " + describe(value) + "; use a whole Number of seconds, a java.time.Duration, "
                + "or a String of seconds (\"600\") or ISO-8601 (\"PT10M\").");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text + " (" + value.getClass().getName() + ")";
    }

    private static IllegalStateException error(String key, String message) {
        return PolicyResolver.error("property " + key, "the value " + message);
    }
}
