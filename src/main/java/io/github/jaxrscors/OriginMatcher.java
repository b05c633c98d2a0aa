package io.github.jaxrscors;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether an {@code Origin} value is allowed: exact origins, subdomain wildcards,
 * {@code "*"}, the listed {@code "null"}, whole-match regexes and a request-time predicate add up.
 *
 * @param any        {@code "*"} was listed: every well-formed origin is allowed
 * @param exact      listed origins, lower case
 * @param wildcards  listed subdomain wildcards
 * @param patterns   origin regexes, matched against the whole value
 * @param predicate  request-time decision, or null
 * @param allowNull  {@code "null"} was listed
 * @param combined   the patterns as one alternation, asked with one matcher instead of one per
 *                   pattern; null when there are fewer than two, or they cannot be combined safely
 */
record OriginMatcher(boolean any, Set<String> exact, List<SubdomainWildcard> wildcards, List<Pattern> patterns,
        Predicate<String> predicate, boolean allowNull, Pattern combined) {

    /** Flags, back references, quoting and comments would change meaning once patterns share one regex. */
    private static final Pattern NOT_COMBINABLE = Pattern.compile(".*(?:\\\\[1-9]|\\\\k<|\\\\Q|#|\\(\\?[a-zA-Z-]*x).*", Pattern.DOTALL);

    OriginMatcher {
        exact = Set.copyOf(exact);
        wildcards = List.copyOf(wildcards);
        patterns = List.copyOf(patterns);
    }

    OriginMatcher(boolean any, Set<String> exact, List<SubdomainWildcard> wildcards, List<Pattern> patterns,
            Predicate<String> predicate, boolean allowNull) {
        this(any, exact, wildcards, patterns, predicate, allowNull, combine(patterns));
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
     * Whether {@code origin} (one header value, never a list) is allowed. A malformed or
     * oversized value is refused before any regex or predicate sees it.
     */
    boolean allows(String origin) {
        if ("null".equals(origin)) {
            return allowNull;
        }
        if (!HttpSyntax.isSerializedOrigin(origin)) {
            return false;
        }
        if (any) {
            return true;
        }
        String lower = HttpSyntax.lower(origin);
        if (exact.contains(lower)) {
            return true;
        }
        for (SubdomainWildcard w : wildcards) {
            if (w.matches(lower)) {
                return true;
            }
        }
        if (combined != null) {
            if (combined.matcher(origin).matches()) {
                return true;
            }
        } else {
            for (Pattern p : patterns) {
                if (p.matcher(origin).matches()) {
                    return true;
                }
            }
        }
        return predicate != null && askPredicate(origin);
    }

    private boolean askPredicate(String origin) {
        try {
            return predicate.test(origin);
        } catch (RuntimeException e) {
            CorsLog.warn("originPredicate threw " + CorsLog.escape(String.valueOf(e)) + " for Origin " + CorsLog.escape(origin)
                    + "; the origin is refused");
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
        wildcards.forEach(w -> sb.append(w).append(", "));
        patterns.forEach(p -> sb.append("/").append(p.pattern()).append("/, "));
        if (predicate != null) {
            sb.append("predicate ").append(predicate).append(", ");
        }
        return sb.length() == 0 ? "(none)" : sb.substring(0, sb.length() - 2);
    }

    /**
     * {@code scheme://*.domain[:port]}: any host that ends in {@code .domain} with at least one
     * label before it, same scheme, same port. Never the bare domain, never another suffix.
     *
     * @param prefix {@code scheme://}
     * @param suffix {@code .domain[:port]}, lower case
     */
    record SubdomainWildcard(String prefix, String suffix) {

        /** Parses {@code scheme://*.domain[:port]}, or returns null when {@code entry} is not one. */
        static SubdomainWildcard parse(String entry) {
            int sep = entry.indexOf("://*.");
            if (sep <= 0) {
                return null;
            }
            String concrete = entry.substring(0, sep + 3) + "x" + entry.substring(sep + 4);
            if (!HttpSyntax.isSerializedOrigin(concrete) || concrete.indexOf('[') >= 0) {
                return null;
            }
            String lower = HttpSyntax.lower(entry);
            String suffix = lower.substring(sep + 4);
            String domain = suffix.indexOf(':') < 0 ? suffix : suffix.substring(0, suffix.indexOf(':'));
            if (domain.indexOf('.', 1) < 0 && !domain.equals(".localhost")) {
                return null; // "https://*.com" would allow a whole top-level domain
            }
            return new SubdomainWildcard(lower.substring(0, sep + 3), suffix);
        }

        boolean matches(String lowerOrigin) {
            int labelsEnd = lowerOrigin.length() - suffix.length();
            if (labelsEnd <= prefix.length() || !lowerOrigin.startsWith(prefix) || !lowerOrigin.endsWith(suffix)) {
                return false;
            }
            // The part the '*' stands for: one or more host labels, nothing else (no ':', no '@').
            if (lowerOrigin.charAt(prefix.length()) == '.' || lowerOrigin.charAt(labelsEnd - 1) == '.') {
                return false;
            }
            for (int i = prefix.length(); i < labelsEnd; i++) {
                if (!HttpSyntax.isHostChar(lowerOrigin.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return prefix + "*" + suffix;
        }
    }
}
