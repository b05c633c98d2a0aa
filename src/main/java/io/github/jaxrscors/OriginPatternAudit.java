package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the classic slips of an origin pattern, the ones that admit a lookalike of the very host
 * it names: an unescaped {@code .} in the host ({@code https://app.example.com} admits
 * {@code https://app-example.com}), a {@code .*} or {@code .+} directly before a label with no
 * {@code \.} boundary ({@code https://.*example\.com} admits {@code https://evilexample.com}), or a
 * wildcard after the domain ({@code https://example\.com.*} admits
 * {@code https://example.com.evil.net}). Anyone can register such a name.
 *
 * <p>The verdict comes from probes, not from reading the regex: lookalikes are built from the
 * pattern's own literal host ({@code evil} before it, {@code .evil.net} after it, each of its dots
 * as a hyphen or a letter), and a pattern that matches one admits it. None of them is the host or
 * one of its subdomains, so a match is never a legitimate origin. The reading of the regex only
 * says why, in the message.
 *
 * <p>With credentials or allowPrivateNetwork it is a startup error (the lookalike's pages could
 * read users' data or reach the private network); without them a WARNING, once per setting.
 */
final class OriginPatternAudit {

    /** The patterns already warned about, per options object: one WARNING per setting, not per method it covers. */
    private static final Map<CorsOptions, Set<String>> WARNED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final String HOST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";

    private OriginPatternAudit() {
    }

    /**
     * Fails or warns for each pattern of {@code patterns} that admits a lookalike.
     *
     * @param target    where the policy applies, for messages
     * @param patterns  the merged policy's origin patterns
     * @param dangerous what makes a lookalike dangerous ({@code supportsCredentials=true (from ...)}), or null when nothing does
     * @param source    where the patterns came from ({@code  (from CorsFeature.builder())})
     * @param layer     the options that set the patterns, for one WARNING per setting
     * @throws IllegalStateException when {@code dangerous} is set and a pattern admits a lookalike
     */
    static void check(String target, List<Pattern> patterns, @Nullable String dangerous, String source, CorsOptions layer) {
        for (Pattern p : patterns) {
            String lookalike = lookalike(p);
            if (lookalike == null) {
                continue;
            }
            String what = "originPatterns entry \"" + p.pattern() + "\"" + source + " admits " + lookalike + ", a lookalike of "
                    + host(p.pattern()) + " that anyone can register" + why(p.pattern()) + ".";
            String fix = " Escape every dot (\\.) and put a \\. boundary after a wildcard: write "
                    + "https://([a-z0-9-]+\\.)*" + host(p.pattern()).replace(".", "\\.") + " for " + host(p.pattern())
                    + " and its subdomains, or use the subdomain wildcard origins(\"https://*." + host(p.pattern()) + "\").";
            if (dangerous != null) {
                throw PolicyResolver.error(target, dangerous + " cannot be combined with " + what
                        + " Its pages would read your users' data." + fix);
            }
            if (WARNED.computeIfAbsent(layer, k -> ConcurrentHashMap.newKeySet()).add(p.pattern())) {
                CorsLog.warn("CORS configuration in " + target + ": " + what + fix);
            }
        }
    }

    /** A lookalike origin {@code pattern} matches, or null when it matches none. */
    static @Nullable String lookalike(Pattern pattern) {
        for (String probe : probes(pattern.pattern())) {
            if (pattern.matcher(probe).matches()) {
                return probe;
            }
        }
        return null;
    }

    /** The lookalikes of the pattern's literal host, each with the schemes and ports it may name. */
    static List<String> probes(String regex) {
        String host = host(regex);
        List<String> probes = new ArrayList<>();
        if (host.isEmpty() || host.indexOf('.') < 0 && !host.equals("localhost")) {
            return probes;
        }
        List<String> hosts = new ArrayList<>();
        hosts.add("evil" + host);
        hosts.add("evil-" + host);
        hosts.add(host + ".evil.net");
        hosts.add(host + "-evil.net");
        for (int i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
            hosts.add(host.substring(0, i) + "-" + host.substring(i + 1));
            hosts.add(host.substring(0, i) + "x" + host.substring(i + 1));
        }
        for (String scheme : new String[] {"https://", "http://"}) {
            for (String h : hosts) {
                // Also below a subdomain, for patterns that require one before the host they name.
                for (String sub : new String[] {"", "www."}) {
                    probes.add(scheme + sub + h);
                    probes.add(scheme + sub + h + ":8443");
                }
            }
        }
        return probes;
    }

    /**
     * The longest run of literal host text in the regex: letters, digits, hyphens, escaped dots,
     * and unescaped dots between two of those (the user meant a dot). Lower-cased.
     */
    static String host(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = Character.toLowerCase(regex.charAt(i));
            boolean quantified = i + 1 < regex.length() && "*+?{".indexOf(regex.charAt(i + 1)) >= 0;
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                boolean nextQuantified = i + 2 < regex.length() && "*+?{".indexOf(regex.charAt(i + 2)) >= 0;
                if ((next == '.' || next == '-') && !nextQuantified) {
                    run.append(next);
                    i++;
                    continue;
                }
                best = longer(best, run);
                run.setLength(0);
                i++;
                continue;
            }
            if (HOST_CHARS.indexOf(c) >= 0 && !quantified) {
                run.append(c);
            } else if (c == '.' && !quantified && run.length() > 0 && i + 1 < regex.length()
                    && HOST_CHARS.indexOf(Character.toLowerCase(regex.charAt(i + 1))) >= 0) {
                run.append('.');
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
        }
        best = longer(best, run);
        // A leading or trailing dot or hyphen is the edge of a wildcard, not part of the host.
        return best.replaceAll("^[.-]+|[.-]+$", "");
    }

    private static String longer(String best, CharSequence run) {
        String candidate = run.toString().replaceAll("^[.-]+|[.-]+$", "");
        // Prefer a run that looks like a domain (has a dot) over a longer one that does not (the scheme).
        boolean candidateDomain = candidate.indexOf('.') >= 0;
        boolean bestDomain = best.indexOf('.') >= 0;
        if (candidateDomain != bestDomain) {
            return candidateDomain ? candidate : best;
        }
        return candidate.length() > best.length() ? candidate : best;
    }

    /** Why the pattern admits lookalikes, as the regex reads: the slips found, or nothing. */
    static String why(String regex) {
        List<String> slips = new ArrayList<>();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '.' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if ((next == '*' || next == '+') && i + 2 < regex.length()
                        && HOST_CHARS.indexOf(Character.toLowerCase(regex.charAt(i + 2))) >= 0) {
                    slips.add("\"." + next + "\" directly before \"" + regex.charAt(i + 2) + "\" has no \\. boundary");
                } else if (HOST_CHARS.indexOf(Character.toLowerCase(next)) >= 0 && i > 0
                        && HOST_CHARS.indexOf(Character.toLowerCase(regex.charAt(i - 1))) >= 0) {
                    slips.add("the unescaped \".\" at index " + i + " matches any character");
                } else if ((next == '*' || next == '+') && i > 0 && HOST_CHARS.indexOf(Character.toLowerCase(regex.charAt(i - 1))) >= 0) {
                    slips.add("\"." + next + "\" after the host lets any text follow it");
                }
            }
        }
        return slips.isEmpty() ? "" : " (" + String.join("; ", slips) + ")";
    }
}
