package io.github.jaxrscors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The origin patterns' {@link LiteralAffixes}, indexed by their literal end, so that the patterns
 * an origin could match are found with one hash of the origin's last characters per distinct
 * suffix length, not two comparisons per pattern: the cost of refusing an origin stays the same
 * from 1 to 50 patterns. Patterns with no literal end (a literal start only) are compared one by
 * one.
 *
 * @param all      each pattern's affixes, in the order of the patterns
 * @param lengths  the distinct suffix lengths, ascending ({@code 0} for patterns with a start only)
 * @param keys     one per pattern, ascending: the suffix length in the high half, the suffix's
 *                 {@link String#hashCode()} in the low half
 * @param patterns for each key, the index of its pattern in {@code all}
 */
record AffixIndex(List<LiteralAffixes> all, int[] lengths, long[] keys, int[] patterns) {

    /** {@link #admitted(String)}: no pattern could match. */
    static final int NONE = -1;
    /** {@link #admitted(String)}: more than one pattern could match. */
    static final int SEVERAL = -2;

    /** The index of {@code affixes} (one per pattern, in pattern order), or null where there are none. */
    static AffixIndex of(List<LiteralAffixes> affixes) {
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
