package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The literal text that every whole match of a regular expression starts and ends with, read from
 * the pattern: each whole match of {@code https://[a-z]+\.example\.org} starts with
 * {@code https://} and ends with {@code .example.org}. A value that lacks either cannot match, so
 * an origin that no pattern can match is refused with two string comparisons per pattern, and no
 * regex matcher is made for it.
 *
 * <p>Only what is certain is read: literal characters outside groups, character classes and
 * quantified atoms. A pattern with compile flags or inline flags (case-insensitive, comments),
 * a top-level alternation, quoting, nested classes, or escapes that take arguments
 * ({@code \x41}, {@code \p{L}}, back references) has no affixes, and is always asked.
 *
 * @param prefix the literal start of every whole match, possibly empty
 * @param suffix the literal end of every whole match, possibly empty
 */
record LiteralAffixes(String prefix, String suffix) {

    /** A token that is not one known character. */
    private static final int ANY = -1;

    /** Whether {@code value} starts with the prefix and ends with the suffix, as every whole match does. */
    boolean admits(String value) {
        return value.startsWith(prefix) && value.endsWith(suffix);
    }

    /**
     * The affixes of every pattern, or null where one of them has none that can be read, or none
     * at all (that pattern could match anything, so no value could be ruled out).
     */
    static @Nullable List<LiteralAffixes> of(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return null;
        }
        List<LiteralAffixes> all = new ArrayList<>(patterns.size());
        for (Pattern p : patterns) {
            LiteralAffixes a = of(p);
            if (a == null || a.prefix.isEmpty() && a.suffix.isEmpty()) {
                return null;
            }
            all.add(a);
        }
        return List.copyOf(all);
    }

    /** The affixes of {@code pattern}, or null where they cannot be read with certainty. */
    static @Nullable LiteralAffixes of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        List<Integer> tokens = tokens(pattern.pattern());
        if (tokens == null) {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        for (int t : tokens) {
            if (t == ANY) {
                break;
            }
            prefix.append((char) t);
        }
        StringBuilder suffix = new StringBuilder();
        for (int i = tokens.size() - 1; i >= 0 && tokens.get(i) != ANY; i--) {
            suffix.append((char) (int) tokens.get(i));
        }
        return new LiteralAffixes(prefix.toString(), suffix.reverse().toString());
    }

    /**
     * The top-level tokens of a pattern: a known character, or {@link #ANY} for everything else
     * (a group, a class, a metacharacter, a quantified atom). Null where the pattern uses syntax
     * this reading does not follow.
     */
    private static @Nullable List<Integer> tokens(String p) {
        List<Integer> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    return null;
                }
                char e = p.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    if ("xuc0123456789pPNkQE".indexOf(e) >= 0) {
                        return null; // escapes that read what follows, back references, quoting
                    }
                    add(tokens, depth, ANY); // \d, \w, \s, \b...
                } else {
                    add(tokens, depth, e); // \. \- \/ \\ ...: the character itself
                }
                i += 2;
                continue;
            }
            switch (c) {
                case '[' -> {
                    i = classEnd(p, i);
                    if (i < 0) {
                        return null;
                    }
                    add(tokens, depth, ANY);
                    continue;
                }
                case '(' -> {
                    if (p.startsWith("(?", i) && i + 2 < p.length() && ":=!<>".indexOf(p.charAt(i + 2)) < 0) {
                        return null; // inline flags: (?i), (?x), (?i:...)
                    }
                    add(tokens, depth, ANY);
                    depth++;
                }
                case ')' -> {
                    if (--depth < 0) {
                        return null;
                    }
                }
                case '|' -> {
                    if (depth == 0) {
                        return null;
                    }
                }
                case '*', '+', '?' -> quantified(tokens, depth);
                case '{' -> {
                    quantified(tokens, depth);
                    int end = p.indexOf('}', i);
                    if (end < 0) {
                        return null;
                    }
                    i = end;
                }
                case '.', '^', '$' -> add(tokens, depth, ANY);
                default -> add(tokens, depth, c);
            }
            i++;
        }
        return depth == 0 ? tokens : null;
    }

    /** Outside groups, adds a token; inside, the group's one {@link #ANY} stands for all of it. */
    private static void add(List<Integer> tokens, int depth, int token) {
        if (depth == 0) {
            tokens.add(token);
        }
    }

    /** A quantifier makes the atom before it (outside groups) unknown: it may be absent or repeated. */
    private static void quantified(List<Integer> tokens, int depth) {
        if (depth == 0 && !tokens.isEmpty()) {
            tokens.set(tokens.size() - 1, ANY);
        }
    }

    /**
     * The index after the class that opens at {@code start}, or -1 for a class this reading does
     * not follow (a nested class or intersection).
     */
    private static int classEnd(String p, int start) {
        int j = start + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++; // a ']' first in the class is a literal
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                return -1;
            }
            if (c == ']') {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "\"" + prefix + "\"...\"" + suffix + "\"";
    }
}
