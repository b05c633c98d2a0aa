package io.github.jaxrscors;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The library's one logger, {@code io.github.jaxrscors} (java.util.logging unless the application
 * routes {@link System.Logger} elsewhere), and the escaping of values taken from requests.
 */
final class CorsLog {

    static final String NAME = "io.github.jaxrscors";

    /** Request values are cut to this many characters in log records. */
    static final int MAX_LOGGED_LENGTH = 200;

    private static final Logger LOGGER = System.getLogger(NAME);

    /** Configuration errors already logged, bounded: they come from the application's own settings. */
    private static final Set<String> LOGGED_ERRORS = ConcurrentHashMap.newKeySet();
    private static final int MAX_LOGGED_ERRORS = 100;

    /** Keys of failures already logged at WARNING, see {@link #warnOnce}. */
    private static final Set<Object> WARNED = ConcurrentHashMap.newKeySet();

    private CorsLog() {
    }

    static boolean debugEnabled() {
        return LOGGER.isLoggable(Level.DEBUG);
    }

    static void debug(Supplier<String> message) {
        LOGGER.log(Level.DEBUG, message);
    }

    /**
     * Logs a configuration error at ERROR the first time it is met. Where Jersey starts lazily
     * (Spring Boot's default), a failed start is retried on every request; the error is then
     * logged once, not per request.
     */
    static void errorOnce(@Nullable String message) {
        String text = String.valueOf(message); // the message of a configuration error, which is always set
        if (LOGGED_ERRORS.size() < MAX_LOGGED_ERRORS && LOGGED_ERRORS.add(text)) {
            LOGGER.log(Level.ERROR, text);
        }
    }

    /**
     * Logs at WARNING the first time {@code key} is met, then at DEBUG: for failures that repeat
     * per request (an origin predicate whose database is down), one record names the failure
     * without flooding the log. Keys are bounded like configuration errors; past the bound every
     * record is a WARNING.
     */
    static void warnOnce(Object key, Supplier<String> message) {
        if (WARNED.size() >= MAX_LOGGED_ERRORS || WARNED.add(key)) {
            LOGGER.log(Level.WARNING, message);
        } else {
            LOGGER.log(Level.DEBUG, message);
        }
    }

    static void info(String message) {
        LOGGER.log(Level.INFO, message);
    }

    static void warn(String message) {
        LOGGER.log(Level.WARNING, message);
    }

    /**
     * A request value made safe for a log line: control characters (CR and LF among them) and
     * non-ASCII characters shown as {@code \\uXXXX}, the whole cut to {@link #MAX_LOGGED_LENGTH}
     * characters, so a header cannot forge log records nor flood them. Null reads {@code (none)}.
     */
    static String escape(@Nullable String value) {
        if (value == null) {
            return "(none)";
        }
        return escaped(value, true);
    }

    /** {@link #escape} without the quotes, for a value shown alone (a decision event's origin). */
    static String escapeUnquoted(String value) {
        return escaped(value, false);
    }

    private static String escaped(String value, boolean quoted) {
        int n = Math.min(value.length(), MAX_LOGGED_LENGTH);
        StringBuilder sb = new StringBuilder(n + 2);
        if (quoted) {
            sb.append('"');
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (quoted) {
            sb.append('"');
        }
        if (value.length() > n) {
            sb.append("...(").append(value.length()).append(" chars)");
        }
        return sb.toString();
    }
}
