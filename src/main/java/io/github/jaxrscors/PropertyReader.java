package io.github.jaxrscors;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code jaxrs.cors.*} configuration properties into the layer below the feature's own
 * options. A value of the wrong type or form, or an unknown {@code jaxrs.cors.} key (a typo would
 * otherwise be ignored silently), fails startup naming the key.
 */
final class PropertyReader {

    static final String SOURCE = "jaxrs.cors.* properties";
    private static final String PREFIX = "jaxrs.cors.";

    /** Every key of the catalogue. */
    static final Set<String> KNOWN = Option.ALL.stream().map(Option::propertyKey).filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());

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
        for (Option<?> option : Option.POLICY) {
            Object value = option.propertyKey() == null ? null : properties.get(option.propertyKey());
            if (value != null) {
                set(b, option, value);
            }
        }
        return Layer.ofProperties(b.build(), SOURCE);
    }

    private static <T> void set(CorsOptions.Builder b, Option<T> option, Object value) {
        b.set(option, option.parse(value));
    }

    /**
     * The server's own origin settings, application-wide: the builder's values over the
     * properties', each validated and named by its source.
     *
     * @param builderOrigins {@code CorsFeature.Builder.publicOrigins}, or null when not set
     * @param builderTrust   {@code CorsFeature.Builder.trustForwardedHeaders}, or null when not set
     * @throws IllegalStateException naming the key or the builder
     */
    static ServerOrigin serverOrigin(@Nullable List<String> builderOrigins, @Nullable Boolean builderTrust, Map<String, Object> properties) {
        Object v;
        List<String> origins = List.of();
        String source = "CorsFeature.builder()";
        if (builderOrigins != null) {
            origins = builderOrigins;
        } else if ((v = properties.get(CorsProperties.PUBLIC_ORIGINS)) != null) {
            origins = Option.PUBLIC_ORIGINS.parse(v);
            source = "property " + CorsProperties.PUBLIC_ORIGINS;
        }
        boolean trust = false;
        if (builderTrust != null) {
            trust = builderTrust;
        } else if ((v = properties.get(CorsProperties.TRUST_FORWARDED_HEADERS)) != null) {
            trust = Option.TRUST_FORWARDED_HEADERS.parse(v);
        }
        return PolicyResolver.serverOrigin(origins, source, trust);
    }

    /** A list property's entries ({@link Option.Kind#LIST}). */
    static List<String> strings(String key, Object value) {
        return List.of(list(key, value));
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

    /** A flag property ({@link Option.Kind#FLAG}). */
    static boolean flag(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw error(key, "is " + describe(value) + "; use a Boolean or the String \"true\" or \"false\".");
    }

    /** A seconds property ({@link Option.Kind#SECONDS}). */
    static long seconds(String key, Object value) {
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
