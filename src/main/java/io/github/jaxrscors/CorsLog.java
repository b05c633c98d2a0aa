package io.github.jaxrscors;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * The library's one logger, {@code io.github.jaxrscors} (java.util.logging unless the application
 * routes {@link System.Logger} elsewhere), and the escaping of values taken from requests.
 */
final class CorsLog {

    static final String NAME = "io.github.jaxrscors";

    /** Request values are cut to this many characters in log records. */
    static final int MAX_LOGGED_LENGTH = 200;

    private static final Logger LOGGER = System.getLogger(NAME);

    private CorsLog() {
    }

    static boolean debugEnabled() {
        return LOGGER.isLoggable(Level.DEBUG);
    }

    static void debug(Supplier<String> message) {
        LOGGER.log(Level.DEBUG, message);
    }

    static void error(String message, Throwable error) {
        LOGGER.log(Level.ERROR, message, error);
    }

    static void warn(String message) {
        LOGGER.log(Level.WARNING, message);
    }

    /**
     * A request value made safe for a log line: control characters (CR and LF among them) and
     * non-ASCII characters shown as {@code \\uXXXX}, the whole cut to {@link #MAX_LOGGED_LENGTH}
     * characters, so a header cannot forge log records nor flood them. Null reads {@code (none)}.
     */
    static String escape(String value) {
        if (value == null) {
            return "(none)";
        }
        int n = Math.min(value.length(), MAX_LOGGED_LENGTH);
        StringBuilder sb = new StringBuilder(n + 2).append('"');
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (value.length() > n) {
            sb.append("...(").append(value.length()).append(" chars)");
        }
        return sb.toString();
    }
}
