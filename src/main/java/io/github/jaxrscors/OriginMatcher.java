package io.github.jaxrscors;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 * @param predicate    request-time decision, or null; an origin-only predicate is an {@link OriginOnly}
 * @param readsHeaders the request header names the predicate declared, as declared, without
 *                     duplicates ({@code Origin} left out: it is in {@code Vary} already)
 * @param allowNull    {@code "null"} was listed
 * @param combined     the patterns as one alternation, asked with one matcher instead of one per
 *                     pattern where more than one pattern's affixes admit an origin; null when there
 *                     are fewer than two, or they cannot be combined safely
 * @param affixes      the literal start and end of each pattern's matches, indexed by their end: an
 *                     origin that none admits is not asked of the patterns, and one that only one
 *                     admits is asked of that pattern alone (the alternation would try each in
 *                     turn); null where they cannot be read for every pattern
 */
record OriginMatcher(boolean any, Set<String> exact, Set<String> anyPortHosts, List<SubdomainWildcard> wildcards,
        List<Pattern> patterns, BiPredicate<String, CorsRequestView> predicate, List<String> readsHeaders, boolean allowNull,
        Pattern combined, AffixIndex affixes) {

    /** Flags, back references, quoting and comments would change meaning once patterns share one regex. */
    private static final Pattern NOT_COMBINABLE = Pattern.compile(".*(?:\\\\[1-9]|\\\\k<|\\\\Q|#|\\(\\?[a-zA-Z-]*x).*", Pattern.DOTALL);

    OriginMatcher {
        exact = Set.copyOf(exact);
        anyPortHosts = Set.copyOf(anyPortHosts);
        wildcards = List.copyOf(wildcards);
        patterns = List.copyOf(patterns);
        readsHeaders = List.copyOf(readsHeaders);
    }

    OriginMatcher(boolean any, Set<String> exact, Set<String> anyPortHosts, List<SubdomainWildcard> wildcards,
            List<Pattern> patterns, BiPredicate<String, CorsRequestView> predicate, List<String> readsHeaders, boolean allowNull) {
        this(any, exact, anyPortHosts, wildcards, patterns, predicate, readsHeaders, allowNull, combine(patterns),
                AffixIndex.of(LiteralAffixes.of(patterns)));
    }

    OriginMatcher(boolean any, Set<String> exact, Set<String> anyPortHosts, List<SubdomainWildcard> wildcards,
            List<Pattern> patterns, Predicate<String> predicate, boolean allowNull) {
        this(any, exact, anyPortHosts, wildcards, patterns, predicate, allowNull, combine(patterns));
    }

    OriginMatcher(boolean any, Set<String> exact, Set<String> anyPortHosts, List<SubdomainWildcard> wildcards,
            List<Pattern> patterns, Predicate<String> predicate, boolean allowNull, Pattern combined) {
        this(any, exact, anyPortHosts, wildcards, patterns, predicate == null ? null : new OriginOnly(predicate), List.of(),
                allowNull, combined, AffixIndex.of(LiteralAffixes.of(patterns)));
    }

    /**
     * Whether the predicate reads the request (method, path or headers), so the adapter must pass
     * a view of it; an origin-only predicate never needs one.
     */
    boolean readsRequest() {
        return predicate != null && !(predicate instanceof OriginOnly);
    }

    /**
     * Parses {@code scheme://host:*} (any case; an IPv6 literal host included) into
     * {@code scheme://host} in lower case, or returns null when {@code entry} is not one.
     */
    static String parseAnyPortHost(String entry) {
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
     * {@code (?:p1)|(?:p2)|...}: whole-matches exactly the values that some pattern whole-matches
     * (the matcher backtracks into every alternative), and costs one matcher per request, not one
     * per pattern. Null where that equivalence is not certain: compile flags, back references
     * (numbered across patterns), {@code \Q} quoting or comments that would run past a pattern's
     * end, or names that two patterns share.
     */
    static Pattern combine(List<Pattern> patterns) {
        if (patterns.size() < 2) {
            return null;
        }
        StringBuilder alternation = new StringBuilder();
        for (Pattern p : patterns) {
            if (p.flags() != 0 || NOT_COMBINABLE.matcher(p.pattern()).matches()) {
                return null;
            }
            alternation.append(alternation.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
        }
        try {
            return Pattern.compile(alternation.toString());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * Whether {@code origin} (one header value, never a list) is allowed. A value outside the Fetch
     * {@code Origin} grammar (upper case included: browsers serialize scheme and host in lower
     * case, so such a value did not come from one) or oversized is refused before any list,
     * regex or predicate sees it; what passes is lower case, so the look-ups need no case folding.
     */
    boolean allows(String origin) {
        return allows(origin, null);
    }

    /**
     * Whether {@code origin} is allowed for the request {@code request} shows (null where the
     * predicate does not read the request, see {@link #readsRequest()}).
     */
    boolean allows(String origin, CorsRequestView request) {
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
    boolean allowsListed(String origin) {
        return allowsListed(origin, null);
    }

    /** As {@link #allowsListed(String)}, with the request a request-aware predicate reads. */
    boolean allowsListed(String origin, CorsRequestView request) {
        return HttpSyntax.isSerializedOrigin(origin) && listed(origin, request);
    }

    /** Whether a well-formed {@code origin} is allowed by an entry other than {@code "*"}. */
    private boolean listed(String origin, CorsRequestView request) {
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
        int admitted = patterns.isEmpty() ? AffixIndex.NONE : affixes == null ? AffixIndex.SEVERAL : affixes.admitted(origin);
        if (admitted == AffixIndex.NONE) {
            return predicate != null && askPredicate(origin, request);
        }
        if (admitted >= 0) {
            if (patterns.get(admitted).matcher(origin).matches()) {
                return true;
            }
        } else if (combined != null) {
            if (combined.matcher(origin).matches()) {
                return true;
            }
        } else {
            for (int i = 0; i < patterns.size(); i++) {
                if ((affixes == null || affixes.all().get(i).admits(origin)) && patterns.get(i).matcher(origin).matches()) {
                    return true;
                }
            }
        }
        return predicate != null && askPredicate(origin, request);
    }

    /**
     * Asks the predicate; an exception it throws refuses the origin (never a 500). It is logged at
     * WARNING the first time this predicate throws an exception of its class, then at DEBUG, so
     * a failing database does not flood the log with one record per request.
     */
    private boolean askPredicate(String origin, CorsRequestView request) {
        try {
            return predicate.test(origin, predicate instanceof OriginOnly ? null : new DeclaredView(request, readsHeaders));
        } catch (RuntimeException e) {
            CorsLog.warnOnce(List.of(predicate, e.getClass()), () -> "originPredicate " + predicate + " threw "
                    + CorsLog.escape(String.valueOf(e)) + " for Origin " + CorsLog.escape(origin) + "; the origin is refused"
                    + " (later exceptions of this class from this predicate are logged at DEBUG)");
            return false;
        }
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
        patterns.forEach(p -> sb.append("/").append(p.pattern()).append("/, "));
        if (predicate != null) {
            sb.append("predicate ").append(predicate).append(readsHeaders.isEmpty() ? "" : " reading " + readsHeaders).append(", ");
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
        static SubdomainWildcard parse(String entry) {
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

    /**
     * An origin-only {@code originPredicate(Predicate)}, asked as a request-aware one that ignores
     * the request.
     *
     * @param predicate the application's predicate
     */
    record OriginOnly(Predicate<String> predicate) implements BiPredicate<String, CorsRequestView> {
        @Override
        public boolean test(String origin, CorsRequestView request) {
            return predicate.test(origin);
        }

        @Override
        public String toString() {
            return predicate.toString();
        }
    }

    /**
     * What a request-aware predicate sees: the request, but only the headers it declared (and
     * {@code Origin}), because those are the names added to {@code Vary}. A header read without
     * being declared would make shared caches serve one request's answer to another that differs
     * in it, so the read fails and the origin is refused.
     *
     * @param request  the adapter's view of the request, or null where none was given (engine tests)
     * @param declared the declared names, lower case
     */
    record DeclaredView(CorsRequestView request, List<String> declared) implements CorsRequestView {
        @Override
        public String method() {
            return request == null ? null : request.method();
        }

        @Override
        public String path() {
            return request == null ? null : request.path();
        }

        @Override
        public String header(String name) {
            if (!name.equalsIgnoreCase(CorsHeaders.ORIGIN) && !isDeclared(name)) {
                throw new IllegalArgumentException("the predicate read request header " + name + ", which it did not "
                        + "declare: add it to the header names given to originPredicate, so Vary lists it");
            }
            return request == null ? null : request.header(name);
        }

        private boolean isDeclared(String name) {
            for (String d : declared) {
                if (d.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "request " + method() + " " + path() + " (headers " + declared + ")";
        }
    }
}
