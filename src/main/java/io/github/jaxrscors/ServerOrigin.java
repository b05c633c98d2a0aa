package io.github.jaxrscors;

import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The server's own origin, which the {@code Origin} of a same-origin request equals: the request's
 * own {@code scheme://host[:port]} (taken from {@code Forwarded} or {@code X-Forwarded-*} when
 * those are trusted), and each configured public origin. Used by rejectDisallowedOrigins'
 * same-origin exemption and by crossSiteProtection for requests without {@code Sec-Fetch-Site}.
 *
 * @param publicOrigins         the configured public origins, lower case, default port left out
 * @param trustForwardedHeaders the request's own origin is read from the proxy's headers
 */
record ServerOrigin(Set<String> publicOrigins, boolean trustForwardedHeaders) {

    /** Neither setting: the request's own origin, as Jersey sees it, and nothing else. */
    static final ServerOrigin REQUEST_ONLY = new ServerOrigin(Set.of(), false);

    ServerOrigin {
        publicOrigins = Set.copyOf(publicOrigins);
    }

    /** The server's origins: the configured ones (lower case, validated) and whether forwarded headers are trusted. */
    static ServerOrigin of(Set<String> publicOrigins, boolean trustForwardedHeaders) {
        return publicOrigins.isEmpty() && !trustForwardedHeaders ? REQUEST_ONLY : new ServerOrigin(publicOrigins, trustForwardedHeaders);
    }

    /** Whether {@code origin} (as sent: only the lower-case form can match) is the server's own. */
    boolean isOwn(String origin, @Nullable String requestOrigin) {
        return origin.equals(requestOrigin) || !publicOrigins.isEmpty() && publicOrigins.contains(origin);
    }

    /**
     * The request's own origin as a browser on it sends {@code Origin}: {@code uri}'s, or, under
     * trustForwardedHeaders, with the scheme and host the proxy forwarded ({@link #forwardedOrigin});
     * the forwarded headers are read, through {@code header}, only then.
     *
     * @param uri    the request URI (scheme and authority) as the server saw it
     * @param header the request's header by name, its values joined by commas, or null
     */
    String requestOrigin(URI uri, Function<String, @Nullable String> header) {
        return trustForwardedHeaders ? forwardedOrigin(uri, header.apply(CorsHeaders.FORWARDED),
                header.apply(CorsHeaders.X_FORWARDED_PROTO), header.apply(CorsHeaders.X_FORWARDED_HOST)) : HttpSyntax.originOf(uri);
    }

    /**
     * The request's own origin: {@code uri}'s, with the scheme and host a trusted proxy forwarded.
     * Each field comes from the first element of RFC 7239 {@code Forwarded} ({@code proto=},
     * {@code host=}), else from the first value of {@code X-Forwarded-Proto} /
     * {@code X-Forwarded-Host}, else from {@code uri}; a value that does not make a serialized
     * origin is ignored. Never throws on what a client sent.
     *
     * @param forwarded      the {@code Forwarded} header (several joined by commas), or null
     * @param forwardedProto {@code X-Forwarded-Proto}, or null
     * @param forwardedHost  {@code X-Forwarded-Host}, or null
     */
    static String forwardedOrigin(URI uri, @Nullable String forwarded, @Nullable String forwardedProto, @Nullable String forwardedHost) {
        String[] fromForwarded = forwarded == null ? null : parseForwarded(forwarded);
        String proto = scheme(fromForwarded == null ? null : fromForwarded[0]);
        if (proto == null) {
            proto = scheme(firstValue(forwardedProto));
        }
        String scheme = proto != null ? proto : uri.getScheme() == null ? "http" : HttpSyntax.lower(uri.getScheme());
        String host = validHost(scheme, fromForwarded == null ? null : fromForwarded[1]);
        if (host == null) {
            host = validHost(scheme, firstValue(forwardedHost));
        }
        if (proto == null && host == null) {
            return HttpSyntax.originOf(uri);
        }
        String origin = serialize(scheme, host != null ? host : authority(uri));
        return origin != null ? origin : HttpSyntax.originOf(uri);
    }

    /** {@code host} when it makes a serialized origin with {@code scheme}, else null. */
    private static @Nullable String validHost(String scheme, @Nullable String host) {
        return host != null && serialize(scheme, host) != null ? host : null;
    }

    /** {@code host[:port]} of the request URI, its scheme's default port left out. */
    private static String authority(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String own = uri.getScheme() == null ? "http" : HttpSyntax.lower(uri.getScheme());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && own.equals("http") || port == 443 && own.equals("https");
        return defaultPort ? host : host + ":" + port;
    }

    /**
     * {@code scheme://host[:port]} in lower case without the default port, or null when it is no
     * serialized origin. The value is lowered before it is checked, so a forwarded host with a
     * non-ASCII letter that lowers to ASCII (the Kelvin sign U+212A to {@code k}) passes as that
     * lower case; the forwarded headers are read only from a trusted proxy.
     */
    private static @Nullable String serialize(String scheme, String hostAndPort) {
        String origin = HttpSyntax.lower(scheme + "://" + hostAndPort);
        if (!HttpSyntax.isSerializedOrigin(origin)) {
            return null;
        }
        return HttpSyntax.hasDefaultPort(origin) ? HttpSyntax.withoutPort(origin) : origin;
    }

    /** A URI scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}) in lower case, or null. */
    private static @Nullable String scheme(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 32 || !(value.charAt(0) >= 'a' && value.charAt(0) <= 'z'
                || value.charAt(0) >= 'A' && value.charAt(0) <= 'Z')) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
            if (!ok) {
                return null;
            }
        }
        return HttpSyntax.lower(value);
    }

    /** The first comma-separated value, trimmed, or null when empty. */
    private static @Nullable String firstValue(@Nullable String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma < 0 ? header : header.substring(0, comma)).trim();
        return first.isEmpty() ? null : first;
    }

    /**
     * {@code proto} and {@code host} of the first element of a {@code Forwarded} value (RFC 7239,
     * section 4: elements separated by commas, pairs by semicolons, values tokens or quoted
     * strings), either null where absent; null as a whole where the element is malformed (a pair
     * without {@code =}, an unclosed quote, an empty pair).
     */
    static String @Nullable [] parseForwarded(String value) {
        String proto = null;
        String host = null;
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < n && HttpSyntax.isTchar(value.charAt(i))) {
                i++;
            }
            if (i == nameStart || i >= n || value.charAt(i) != '=') {
                return null;
            }
            String name = HttpSyntax.lower(value.substring(nameStart, i));
            i++;
            StringBuilder v = new StringBuilder();
            if (i < n && value.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = value.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(value.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) {
                    return null;
                }
            } else {
                // A token by the RFC; read up to the next delimiter, as proxies also send host=a.com:8443
                // unquoted. What is read is checked as an origin before it is used.
                while (i < n && ";, \t\"".indexOf(value.charAt(i)) < 0) {
                    v.append(value.charAt(i++));
                }
            }
            if (name.equals("proto") && proto == null) {
                proto = v.toString();
            } else if (name.equals("host") && host == null) {
                host = v.toString();
            }
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n || value.charAt(i) == ',') {
                break; // the first element ends here
            }
            if (value.charAt(i) != ';') {
                return null;
            }
            i++;
        }
        return new String[] {proto, host};
    }

    @Override
    public String toString() {
        String request = trustForwardedHeaders ? "the request's own origin, as forwarded" : "the request's own origin";
        return publicOrigins.isEmpty() ? request : request + " and publicOrigins " + publicOrigins;
    }
}
