package io.github.jaxrscors;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a request header name (lower case) may be sent: listed names, {@code "*"} and
 * case-insensitive whole-name regexes add up.
 *
 * @param any      {@code "*"} was listed
 * @param names    listed names, lower case
 * @param patterns case-insensitive regexes, matched against the whole name
 */
record HeaderMatcher(boolean any, Set<String> names, List<Pattern> patterns) {

    HeaderMatcher {
        names = Set.copyOf(names);
        patterns = List.copyOf(patterns);
    }

    boolean allows(String lowerName) {
        if (any || names.contains(lowerName)) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(lowerName).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(any ? "*" : "");
        names.stream().sorted().forEach(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
        patterns.forEach(p -> sb.append(sb.length() == 0 ? "" : ", ").append('/').append(p.pattern()).append('/'));
        return sb.length() == 0 ? "(none)" : sb.toString();
    }
}
