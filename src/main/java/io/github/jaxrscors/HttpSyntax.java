package io.github.jaxrscors;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Character-level checks of the values the CORS protocol carries, written as loops so a request
 * costs no regex and hostile input costs time linear in its (bounded) length.
 */
final class HttpSyntax {

    /**
     * The longest Origin considered at all. A serialized origin is a scheme, {@code ://}, a host
     * (a DNS name is at most 253 characters) and a port: 512 leaves room for long schemes such as
     * {@code chrome-extension://} while bounding the work a configured regex or predicate does on
     * a hostile value.
     */
    static final int MAX_ORIGIN_LENGTH = 512;

    private HttpSyntax() {
    }

    /** RFC 9110 token: {@code 1*tchar}. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * Whether {@code s} is an {@code Origin} value a conforming browser sends for a tuple origin
     * (Fetch, "{@code Origin} header": {@code scheme "://" host [ ":" port ]}, scheme and host in
     * lower case, a port of 1 to 5 digits): no path, query, fragment, user info, list, control
     * character or upper-case letter, at most {@link #MAX_ORIGIN_LENGTH} characters, a port of at
     * most 65535. The opaque origin {@code null} is not a tuple origin and answers false.
     */
    static boolean isSerializedOrigin(String s) {
        return isOrigin(s, false);
    }

    /**
     * Whether {@code s} is a configured origin entry: {@link #isSerializedOrigin} in any case, since
     * configured origins are lower-cased at startup.
     */
    static boolean isOriginIgnoringCase(String s) {
        return isOrigin(s, true);
    }

    private static boolean isOrigin(String s, boolean anyCase) {
        if (s == null || s.length() > MAX_ORIGIN_LENGTH) {
            return false;
        }
        int schemeEnd = schemeEnd(s, anyCase);
        return schemeEnd > 0 && hostAndPortValid(s, schemeEnd + 3, anyCase);
    }

    /**
     * Why an {@code Origin} value is refused whatever the policy, for the DEBUG log; null when it is
     * a serialized origin or the exact {@code null}.
     */
    static @Nullable String originDefect(@Nullable String s) {
        if (s == null || "null".equals(s) || isSerializedOrigin(s)) {
            return null;
        }
        if (s.length() > MAX_ORIGIN_LENGTH) {
            return "longer than " + MAX_ORIGIN_LENGTH + " characters";
        }
        if ("null".equalsIgnoreCase(s)) {
            return "the opaque origin is null in lower case";
        }
        if (s.indexOf(',') >= 0) {
            return "a list: several Origin headers, or several origins in one";
        }
        if (isOriginIgnoringCase(s)) {
            return "upper case in the scheme or host, which browsers send in lower case";
        }
        return "not scheme://host[:port]";
    }

    /** Index of the {@code ://} that ends a valid scheme, or -1. */
    private static int schemeEnd(String s, boolean anyCase) {
        int i = 0;
        int n = s.length();
        if (n == 0 || !isAlpha(s.charAt(0), anyCase)) {
            return -1;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.startsWith("://", i) ? i : -1;
            }
            if (!(isAlpha(c, anyCase) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static boolean hostAndPortValid(String s, int start, boolean anyCase) {
        int n = s.length();
        int i = start;
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '[') {
            // IPv6 literal: hex digits, ':' and '.' (an embedded IPv4) between brackets.
            int close = s.indexOf(']', i);
            if (close < 0 || close == i + 1) {
                return false;
            }
            int colons = 0;
            for (int k = i + 1; k < close; k++) {
                char c = s.charAt(k);
                if (!(isHex(c, anyCase) || c == ':' || c == '.')) {
                    return false;
                }
                colons += c == ':' ? 1 : 0;
            }
            if (colons < 2) {
                return false; // every IPv6 address has at least two colons ("::" at the least)
            }
            i = close + 1;
        } else {
            int hostStart = i;
            while (i < n && isHostChar(s.charAt(i)) && (anyCase || !isUpper(s.charAt(i)))) {
                i++;
            }
            if (i == hostStart || s.charAt(hostStart) == '.' || s.charAt(i - 1) == '.') {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != ':') {
            return false;
        }
        return isPort(s, i + 1, n);
    }

    private static boolean isPort(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 5) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(s, from, to, 10) <= 65535;
    }

    /** Characters of a DNS name or IPv4 address as browsers serialize them (ASCII, punycoded). */
    static boolean isHostChar(char c) {
        return isAlpha(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_';
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlpha(char c, boolean anyCase) {
        return c >= 'a' && c <= 'z' || anyCase && c >= 'A' && c <= 'Z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isHex(char c, boolean anyCase) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || anyCase && c >= 'A' && c <= 'F';
    }

    /**
     * {@code scheme://host} of a serialized origin (either case): the port, if any, left out. The
     * host ends at the first {@code :} after it, or after the {@code ]} of an IPv6 literal.
     */
    static String withoutPort(String origin) {
        int hostStart = origin.indexOf("://") + 3;
        int from = origin.charAt(hostStart) == '[' ? origin.indexOf(']', hostStart) : hostStart;
        int colon = origin.indexOf(':', from);
        return colon < 0 ? origin : origin.substring(0, colon);
    }

    /** Whether a serialized origin spells out its scheme's default port ({@code https://a.com:443}). */
    static boolean hasDefaultPort(String origin) {
        String lower = lower(origin);
        return lower.startsWith("https://") && lower.endsWith(":443") || lower.startsWith("http://") && lower.endsWith(":80");
    }

    /**
     * {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}: not ASCII-only. Besides
     * {@code A-Z}, it lowers non-ASCII letters, some to ASCII (the Kelvin sign U+212A becomes
     * {@code k}); a caller that checks a grammar after lowering accepts such a letter as its lower
     * case. Returns {@code s} itself when nothing changes.
     */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The serialized origin of a request URI, default port omitted, as a browser would send it in
     * {@code Origin} for a same-origin request.
     */
    static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : lower(uri.getScheme());
        String host = uri.getHost() == null ? "" : lower(uri.getHost());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
        return defaultPort ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }
}
