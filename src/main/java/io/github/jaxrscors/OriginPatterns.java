package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The origin patterns of one policy ({@code originPatterns}), asked whether any whole-matches an
 * origin, with the speed-ups that make the answer cost about the same for 1 and 50 patterns. The
 * answer is always exactly that of asking each pattern in turn; the tests check it against that
 * brute-force twin.
 *
 * <ul>
 * <li>Each pattern's {@link LiteralAffixes} (the literal start and end of its every match), in an
 *     {@link AffixIndex} by their end: an origin that no pattern's affixes admit is refused without
 *     a regex, and one that one pattern's affixes admit is asked of that pattern alone.</li>
 * <li>Where several patterns' affixes admit an origin, the patterns as one alternation, asked with
 *     one matcher instead of one per pattern.</li>
 * </ul>
 */
final class OriginPatterns {

    /** No pattern. */
    static final OriginPatterns NONE = new OriginPatterns(List.of(), null, null);

    /** Flags, back references, quoting and comments would change meaning once patterns share one regex. */
    private static final Pattern NOT_COMBINABLE = Pattern.compile(".*(?:\\\\[1-9]|\\\\k<|\\\\Q|#|\\(\\?[a-zA-Z-]*x).*", Pattern.DOTALL);

    private final List<Pattern> all;
    /** The patterns as one alternation; null when there are fewer than two, or they cannot be combined safely. */
    private final @Nullable Pattern alternation;
    /** The patterns' affixes by their end; null where they cannot be read for every pattern. */
    private final @Nullable AffixIndex index;

    /**
     * @param all         the patterns, matched against the whole value
     * @param alternation the patterns as one alternation ({@link #combine(List)}), or null to ask them one by one
     * @param index       their affixes ({@link AffixIndex#of(List)}), or null to ask every pattern
     */
    OriginPatterns(List<Pattern> all, @Nullable Pattern alternation, @Nullable AffixIndex index) {
        this.all = List.copyOf(all);
        this.alternation = alternation;
        this.index = index;
    }

    /** The patterns with every speed-up that applies to them. */
    static OriginPatterns of(List<Pattern> patterns) {
        return patterns.isEmpty() ? NONE : new OriginPatterns(patterns, combine(patterns), AffixIndex.of(LiteralAffixes.of(patterns)));
    }

    /** The patterns, in the order given. */
    List<Pattern> all() {
        return all;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /**
     * {@code (?:p1)|(?:p2)|...}: whole-matches exactly the values that some pattern whole-matches
     * (the matcher backtracks into every alternative), and costs one matcher per request, not one
     * per pattern. Null where that equivalence is not certain: compile flags, back references
     * (numbered across patterns), {@code \Q} quoting or comments that would run past a pattern's
     * end, or names that two patterns share.
     */
    static @Nullable Pattern combine(List<Pattern> patterns) {
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

    /** Whether some pattern whole-matches {@code origin}. */
    boolean matches(String origin) {
        if (all.isEmpty()) {
            return false;
        }
        int admitted = index == null ? AffixIndex.SEVERAL : index.admitted(origin);
        if (admitted == AffixIndex.NONE) {
            return false;
        }
        if (admitted >= 0) {
            return all.get(admitted).matcher(origin).matches();
        }
        if (alternation != null) {
            return alternation.matcher(origin).matches();
        }
        for (int i = 0; i < all.size(); i++) {
            if ((index == null || index.admits(i, origin)) && all.get(i).matcher(origin).matches()) {
                return true;
            }
        }
        return false;
    }

    // Pattern has no equals: two lists of patterns are equal when their sources and flags are.
    @Override
    public boolean equals(Object o) {
        return o instanceof OriginPatterns other && sources().equals(other.sources());
    }

    @Override
    public int hashCode() {
        return sources().hashCode();
    }

    private List<String> sources() {
        List<String> sources = new ArrayList<>(all.size());
        for (Pattern p : all) {
            sources.add(p.flags() + "/" + p.pattern());
        }
        return sources;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Pattern p : all) {
            sb.append(sb.length() == 0 ? "" : ", ").append('/').append(p.pattern()).append('/');
        }
        return sb.toString();
    }

    /**
     * The origin patterns' {@link LiteralAffixes}, indexed by their literal end, so that the
     * patterns an origin could match are found with one hash of the origin's last characters per
     * distinct suffix length, not two comparisons per pattern: the cost of refusing an origin stays
     * the same from 1 to 50 patterns. Patterns with no literal end (a literal start only) are
     * compared one by one.
     */
    static final class AffixIndex {

        /** {@link #admitted(String)}: no pattern could match. */
        static final int NONE = -1;
        /** {@link #admitted(String)}: more than one pattern could match. */
        static final int SEVERAL = -2;

        /** Each pattern's affixes, in the order of the patterns. */
        private final List<LiteralAffixes> all;
        /** The distinct suffix lengths, ascending ({@code 0} for patterns with a start only). */
        private final int[] lengths;
        /** One per pattern, ascending: the suffix length in the high half, the suffix's {@link String#hashCode()} in the low half. */
        private final long[] keys;
        /** For each key, the index of its pattern in {@code all}. */
        private final int[] patterns;

        private AffixIndex(List<LiteralAffixes> all, int[] lengths, long[] keys, int[] patterns) {
            this.all = all;
            this.lengths = lengths;
            this.keys = keys;
            this.patterns = patterns;
        }

        /** The index of {@code affixes} (one per pattern, in pattern order), or null where there are none. */
        static @Nullable AffixIndex of(@Nullable List<LiteralAffixes> affixes) {
            if (affixes == null) {
                return null;
            }
            TreeSet<Integer> lengths = new TreeSet<>();
            List<long[]> entries = new ArrayList<>(affixes.size());
            for (int i = 0; i < affixes.size(); i++) {
                String suffix = affixes.get(i).suffix();
                lengths.add(suffix.length());
                entries.add(new long[] {key(suffix.length(), suffix.hashCode()), i});
            }
            entries.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
            return new AffixIndex(List.copyOf(affixes), lengths.stream().mapToInt(Integer::intValue).toArray(),
                    entries.stream().mapToLong(e -> e[0]).toArray(), entries.stream().mapToInt(e -> (int) e[1]).toArray());
        }

        private static long key(int length, int hash) {
            return (long) length << 32 | (hash & 0xFFFF_FFFFL);
        }

        /** Each pattern's affixes, in pattern order. */
        List<LiteralAffixes> all() {
            return all;
        }

        /** Whether pattern {@code i}'s affixes admit {@code value}. */
        boolean admits(int i, String value) {
            return all.get(i).admits(value);
        }

        /**
         * Which patterns could match {@code value}: {@link #NONE}, the index of the only one, or
         * {@link #SEVERAL}.
         */
        int admitted(String value) {
            int only = NONE;
            int n = value.length();
            int hash = 0; // String.hashCode of the last `length` characters, grown one character at a time
            int power = 1; // 31^length
            int length = 0;
            for (int wanted : lengths) {
                if (wanted > n) {
                    break;
                }
                for (; length < wanted; length++) {
                    hash += value.charAt(n - 1 - length) * power;
                    power *= 31;
                }
                long key = key(wanted, hash);
                for (int k = lowerBound(key); k < keys.length && keys[k] == key; k++) {
                    if (all.get(patterns[k]).admits(value)) { // the hash matched: compare the suffix itself, and the prefix
                        if (only != NONE) {
                            return SEVERAL;
                        }
                        only = patterns[k];
                    }
                }
            }
            return only;
        }

        /** The first position whose key is not below {@code key}. */
        private int lowerBound(long key) {
            int lo = 0;
            int hi = keys.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        // The arrays are derived from `all`: equality is that of the affixes.
        @Override
        public boolean equals(Object o) {
            return o instanceof AffixIndex other && all.equals(other.all);
        }

        @Override
        public int hashCode() {
            return all.hashCode();
        }

        @Override
        public String toString() {
            return "AffixIndex" + all + " by suffix length " + Arrays.toString(lengths);
        }
    }
}
