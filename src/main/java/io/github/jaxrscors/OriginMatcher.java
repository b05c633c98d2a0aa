package io.github.jaxrscors;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an {@code Origin} value is allowed: exact origins, port wildcards, subdomain
 * wildcards, {@code "*"}, the listed {@code "null"}, whole-match regexes and a request-time
 * predicate add up. A value outside the Fetch standard's {@code Origin} grammar is refused by all
 * of them.
 *
 * @param any          {@code "*"} was listed: every well-formed origin is allowed
 * @param exact        listed origins, lower case
 * @param anyPortHosts {@code scheme://host} of the listed {@code scheme://host:*}, lower case
 * @param wildcards    listed subdomain wildcards, with a port or any port
 * @param patterns     origin regexes, matched against the whole value
 * @param predicate    the request-time decision, or null
 * @param allowNull    {@code "null"} was listed
 */
record OriginMatcher(boolean any, Set<String> exact, Set<String> anyPortHosts, List<SubdomainWildcard> wildcards,
        OriginPatterns patterns, @Nullable OriginPredicate predicate, boolean allowNull) {

    OriginMatcher {
        exact = Set.copyOf(exact);
        anyPortHosts = Set.copyOf(anyPortHosts);
        wildcards = List.copyOf(wildcards);
    }

    /**
     * Whether the predicate reads the request (method, path or headers), so the adapter must pass
     * a view of it; an origin-only predicate never needs one.
     */
    boolean readsRequest() {
        return predicate != null && predicate.readsRequest();
    }

    /** The request header names the predicate declared it reads; none without a predicate. */
    List<String> readsHeaders() {
        return predicate == null ? List.of() : predicate.readsHeaders();
    }

    /**
     * Parses {@code scheme://host:*} (any case; an IPv6 literal host included) into
     * {@code scheme://host} in lower case, or returns null when {@code entry} is not one.
     */
    static @Nullable String parseAnyPortHost(String entry) {
        if (!entry.endsWith(":*")) {
            return null;
        }
        String base = entry.substring(0, entry.length() - 2);
        if (!HttpSyntax.isOriginIgnoringCase(base) || !HttpSyntax.withoutPort(base).equals(base)) {
            return null; // "http://localhost:8080:*" names a port already
        }
        return HttpSyntax.lower(base);
    }

    /**
     * Whether {@code origin} (one header value, never a list) is allowed for the request
     * {@code request} shows (null where the predicate does not read the request, see
     * {@link #readsRequest()}). A value outside the Fetch {@code Origin} grammar (upper case
     * included: browsers serialize scheme and host in lower case, so such a value did not come from
     * one) or oversized is refused before any list, regex or predicate sees it; what passes is
     * lower case, so the look-ups need no case folding.
     */
    boolean allows(String origin, @Nullable CorsRequestView request) {
        if ("null".equals(origin)) {
            return allowNull;
        }
        return HttpSyntax.isSerializedOrigin(origin) && (any || listed(origin, request));
    }

    /**
     * Whether {@code origin} is allowed by an entry that names it: an exact origin, a port or
     * subdomain wildcard, a pattern or the predicate; never by {@code "*"} nor by {@code "null"},
     * which admit any site. The origins crossSiteProtection trusts.
     */
    boolean allowsListed(String origin, @Nullable CorsRequestView request) {
        return HttpSyntax.isSerializedOrigin(origin) && listed(origin, request);
    }

    /** Whether a well-formed {@code origin} is allowed by an entry other than {@code "*"}. */
    private boolean listed(String origin, @Nullable CorsRequestView request) {
        if (exact.contains(origin)) {
            return true;
        }
        if (!anyPortHosts.isEmpty() && anyPortHosts.contains(HttpSyntax.withoutPort(origin))) {
            return true;
        }
        for (SubdomainWildcard w : wildcards) {
            if (w.matches(origin)) {
                return true;
            }
        }
        return patterns.matches(origin) || predicate != null && predicate.allows(origin, request);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (any) {
            sb.append("*, ");
        }
        if (allowNull) {
            sb.append("null, ");
        }
        exact.stream().sorted().forEach(o -> sb.append(o).append(", "));
        anyPortHosts.stream().sorted().forEach(o -> sb.append(o).append(":*, "));
        wildcards.forEach(w -> sb.append(w).append(", "));
        if (!patterns.isEmpty()) {
            sb.append(patterns).append(", ");
        }
        if (predicate != null) {
            sb.append(predicate).append(", ");
        }
        return sb.length() == 0 ? "(none)" : sb.substring(0, sb.length() - 2);
    }

    /**
     * {@code scheme://*.domain[:port]} or {@code scheme://*.domain:*}: any host that ends in
     * {@code .domain} with at least one label before it, same scheme, same port (or, with
     * {@code :*}, any port or none). Never the bare domain, never another suffix.
     *
     * @param prefix  {@code scheme://}
     * @param suffix  {@code .domain[:port]}, lower case; {@code .domain} when any port is allowed
     * @param anyPort listed as {@code :*}
     */
    record SubdomainWildcard(String prefix, String suffix, boolean anyPort) {

        /** Parses {@code scheme://*.domain[:port]} or {@code scheme://*.domain:*}, or returns null when {@code entry} is not one. */
        static @Nullable SubdomainWildcard parse(String entry) {
            boolean anyPort = entry.endsWith(":*");
            String base = anyPort ? entry.substring(0, entry.length() - 2) : entry;
            int sep = base.indexOf("://*.");
            if (sep <= 0) {
                return null;
            }
            String concrete = base.substring(0, sep + 3) + "x" + base.substring(sep + 4);
            if (!HttpSyntax.isOriginIgnoringCase(concrete) || concrete.indexOf('[') >= 0) {
                return null;
            }
            String lower = HttpSyntax.lower(base);
            String suffix = lower.substring(sep + 4);
            if (anyPort && suffix.indexOf(':') >= 0) {
                return null; // "https://*.example.com:8443:*" names a port already
            }
            String domain = suffix.indexOf(':') < 0 ? suffix : suffix.substring(0, suffix.indexOf(':'));
            if (domain.indexOf('.', 1) < 0 && !domain.equals(".localhost")) {
                return null; // "https://*.com" would allow a whole top-level domain
            }
            return new SubdomainWildcard(lower.substring(0, sep + 3), suffix, anyPort);
        }

        /** Whether a serialized (lower-case) origin matches. */
        boolean matches(String origin) {
            int hostEnd = origin.length();
            if (anyPort) {
                // The origin passed the grammar check: after the host comes nothing or ":" and a port.
                int colon = origin.indexOf(':', prefix.length());
                hostEnd = colon < 0 ? hostEnd : colon;
            }
            int labelsEnd = hostEnd - suffix.length();
            if (labelsEnd <= prefix.length() || !origin.startsWith(prefix) || !origin.startsWith(suffix, labelsEnd)) {
                return false;
            }
            // The part the '*' stands for: one or more host labels, nothing else (no ':', no '@').
            if (origin.charAt(prefix.length()) == '.' || origin.charAt(labelsEnd - 1) == '.') {
                return false;
            }
            for (int i = prefix.length(); i < labelsEnd; i++) {
                if (!HttpSyntax.isHostChar(origin.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return prefix + "*" + suffix + (anyPort ? ":*" : "");
        }
    }
}
