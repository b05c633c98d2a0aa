package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds {@code jaxrs.cors.*} settings that would never reach the library: keys in the JVM's
 * system properties or in the environment ({@code JAXRS_CORS_*}) that Jersey's configuration does
 * not hold, and keys whose prefix is misspelt ({@code jaxrs-cors.origins}, {@code jaxrs.crs.origins})
 * wherever they are. Each is one startup WARNING naming the keys and how to pass them: the
 * application would otherwise run with the defaults (any origin, echoed) without a word.
 *
 * <p>What is read ({@link #read}) is Jersey's {@code Configuration}, and the system properties where
 * the JVM runs with {@code -Djersey.config.allowSystemPropertiesProvider=true}, Jersey's switch for
 * them (its external configuration, {@code ExternalPropertiesConfigurationFactory}); then those
 * keys arrive and nothing is said.
 */
final class ConfigurationSources {

    static final String PREFIX = "jaxrs.cors.";
    static final String ENV_PREFIX = "JAXRS_CORS_";
    static final String ALLOW_SYSTEM_PROPERTIES = "jersey.config.allowSystemPropertiesProvider";

    private static final String FIX = "Pass them as application properties (ResourceConfig.property(...), "
            + "Application.getProperties(), servlet init parameters), or as -D system properties together with -D"
            + ALLOW_SYSTEM_PROPERTIES + "=true (docs/configuration.md#where-properties-come-from).";

    private ConfigurationSources() {
    }

    /**
     * What the library reads: the application's configuration and, where the JVM runs with
     * {@code -Djersey.config.allowSystemPropertiesProvider=true} (Jersey's switch for reading
     * system properties), the {@code jaxrs.cors.*} system properties below it (a key the
     * application's configuration sets keeps its value). Jersey copies system properties into the
     * application's own {@code ResourceConfig} only after the runtime configuration the features see
     * was made from it, so the library reads them itself, under the same switch.
     */
    static Map<String, Object> read(Map<String, Object> configuration) {
        return read(configuration, System.getProperties());
    }

    static Map<String, Object> read(Map<String, Object> configuration, Properties system) {
        if (!Boolean.parseBoolean(system.getProperty(ALLOW_SYSTEM_PROPERTIES))) {
            return configuration;
        }
        Map<String, Object> merged = null;
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !configuration.containsKey(key)) {
                if (merged == null) {
                    merged = new HashMap<>(configuration);
                }
                merged.put(key, system.getProperty(key));
            }
        }
        return merged == null ? configuration : merged;
    }

    /** Logs one WARNING per kind of setting found outside what the library reads. */
    static void warnUnread(Map<String, Object> configuration) {
        for (String warning : unread(configuration, System.getProperties(), System.getenv())) {
            CorsLog.warn(warning);
        }
    }

    /**
     * The warnings for {@code jaxrs.cors.*} settings in {@code system} and {@code environment} that
     * {@code configuration} (Jersey's, what the library reads) lacks, and for misspelt prefixes.
     */
    static List<String> unread(Map<String, Object> configuration, Properties system, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        Set<String> systemKeys = new TreeSet<>();
        Set<String> lookalikes = new TreeSet<>();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !configuration.containsKey(key)) {
                systemKeys.add(key);
            } else if (intended(key) != null && !configuration.containsKey(key)) {
                lookalikes.add(key + " (system property; did you mean " + intended(key) + "?)");
            }
        }
        if (!systemKeys.isEmpty()) {
            warnings.add("CORS configuration: the system properties " + systemKeys + " are not read: they are read only when the "
                    + "JVM also runs with -D" + ALLOW_SYSTEM_PROPERTIES + "=true, Jersey's switch for system properties. "
                    + "Until then the application runs without them (with the defaults, any origin is echoed). " + FIX);
        }
        Set<String> envKeys = new TreeSet<>();
        for (String name : environment.keySet()) {
            if (name.toUpperCase(Locale.ROOT).startsWith(ENV_PREFIX)) {
                String key = PREFIX + name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                if (!configuration.containsKey(key)) {
                    envKeys.add(name + " (" + key + ")");
                }
            }
        }
        if (!envKeys.isEmpty()) {
            warnings.add("CORS configuration: the environment variables " + envKeys + " are not read: Jersey reads no "
                    + "environment variables, so the application runs without them (with the defaults, any origin is echoed). "
                    + "Copy them into the application's properties, e.g. .property(\"jaxrs.cors.origins\", "
                    + "System.getenv(\"JAXRS_CORS_ORIGINS\")); under Spring Boot the jaxrs-cors starter binds them. " + FIX);
        }
        for (String key : configuration.keySet()) {
            String meant = intended(key);
            if (meant != null) {
                lookalikes.add(key + " (application property; did you mean " + meant + "?)");
            }
        }
        if (!lookalikes.isEmpty()) {
            warnings.add("CORS configuration: the keys " + lookalikes + " look like jaxrs.cors.* keys with a misspelt prefix, "
                    + "and are not read. Rename them; the keys are the constants of CorsProperties.");
        }
        return warnings;
    }

    /**
     * The {@code jaxrs.cors.*} key a key outside the prefix was probably meant to be: its tail is a
     * known option ({@code origins}, {@code origin_patterns}) and its head is the prefix with other
     * separators or a typo ({@code jaxrs-cors.}, {@code JAXRS_CORS_}, {@code jaxrs.crs.}); else null.
     */
    static @Nullable String intended(String key) {
        if (key.startsWith(PREFIX)) {
            return null;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String known : PropertyReader.KNOWN) {
            String option = known.substring(PREFIX.length());
            String tail = squeeze(option);
            String squeezed = squeeze(lower);
            if (!squeezed.endsWith(tail) || squeezed.length() == tail.length()) {
                continue;
            }
            // The head: the key up to where its tail (the option, in whatever separators) begins.
            int letters = 0;
            int cut = lower.length();
            while (cut > 0 && letters < tail.length()) {
                cut--;
                if (Character.isLetterOrDigit(lower.charAt(cut))) {
                    letters++;
                }
            }
            String head = lower.substring(0, cut).replaceAll("[^a-z0-9]+$", "").replaceAll("[^a-z0-9]", ".");
            if (head.equals("jaxrs.cors") || distance(head, "jaxrs.cors") <= 2 && head.startsWith("ja")) {
                return known;
            }
        }
        return null;
    }

    /**
     * The known key closest to an unknown {@code jaxrs.cors.*} key, for "did you mean": the same
     * letters with other separators, a typo of at most three edits, or one name inside the other
     * ({@code allowed-origins}); else null.
     */
    static @Nullable String suggestion(String unknown, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String option = unknown.substring(Math.min(PREFIX.length(), unknown.length())).toLowerCase(Locale.ROOT);
        for (String k : new TreeSet<>(known)) {
            String o = k.substring(PREFIX.length());
            int d = squeeze(o).equals(squeeze(option)) ? 0 : distance(o, option);
            if (d > 3 && (squeeze(option).contains(squeeze(o)) || squeeze(o).contains(squeeze(option))) && option.length() > 3) {
                d = 3;
            }
            if (d <= 3 && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code " Did you mean jaxrs.cors.origins?"}, or the empty string when no known key is close. */
    static String didYouMean(String unknown, Set<String> known) {
        String s = suggestion(unknown, known);
        return s == null ? "" : " Did you mean " + s + "?";
    }

    private static String squeeze(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
