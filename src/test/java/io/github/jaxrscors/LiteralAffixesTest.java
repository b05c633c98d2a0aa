package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The literal start and end read from an origin pattern, which let an origin no pattern can match
 * be refused without a regex matcher: read only where certain, and never ruling out a value the
 * pattern matches.
 */
@Tag("unit")
class LiteralAffixesTest {

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("https://[a-z]+\\.example\\.org", "https://", ".example.org"),
                Arguments.of("https://a\\.com", "https://a.com", "https://a.com"),
                Arguments.of("https://(?:a|b)\\.example\\.com", "https://", ".example.com"),
                Arguments.of("https://x\\.b\\.com(:\\d+)?", "https://x.b.com", ""),
                Arguments.of("https://ab?c\\.com", "https://a", "c.com"),
                Arguments.of("https://a{2}\\.com", "https://", ".com"),
                Arguments.of("http://localhost:\\d+", "http://localhost:", ""),
                Arguments.of("https://[^]/]+\\.com", "https://", ".com"),
                Arguments.of(".*\\.example\\.com", "", ".example.com"),
                Arguments.of("^https://a\\.com$", "", ""),
                Arguments.of("https://(?<tenant>[a-z]+)\\.example\\.com", "https://", ".example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsTheLiteralStartAndEndEveryMatchHas(String pattern, String prefix, String suffix) {
        assertThat(LiteralAffixes.of(Pattern.compile(pattern)), is(new LiteralAffixes(prefix, suffix)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)https://a\\.com", "https://(?i:a)\\.com", "(?x)https://a\\.com", "https://a\\.com|https://b\\.com",
        "https://\\Qa.com\\E", "https://\\x61\\.com", "https://\\p{L}+\\.com", "https://(a)\\1\\.com", "https://[a-z&&[^b]]\\.com",
        "https://\\u0061\\.com", "https://\\0141\\.com"})
    void readsNothingWhereTheSyntaxIsNotFollowed(String pattern) {
        assertThat(LiteralAffixes.of(Pattern.compile(pattern)), is(nullValue()));
    }

    @Test
    void patternCompiledWithFlagsHasNone() {
        assertThat(LiteralAffixes.of(Pattern.compile("https://a\\.com", Pattern.CASE_INSENSITIVE)), is(nullValue()));
    }

    @Test
    void onePatternWithoutAffixesTurnsTheShortcutOffForAll() {
        assertThat(LiteralAffixes.of(List.of(Pattern.compile("https://a\\.com"), Pattern.compile(".*"))), is(nullValue()));
        assertThat(LiteralAffixes.of(List.of(Pattern.compile("https://a\\.com"), Pattern.compile("(?i)https://b\\.com"))),
                is(nullValue()));
    }

    static final String[] PIECES = {"https://", "a", "b", ".", "\\.", "[a-z]+", "(?:x|y)", "\\d{1,3}", "b?", "c*", ":", "-", "\\-",
        "[]x]", "\\w", "(a|b)?", "x+", "[^.]", "(?:ab)+", "\\/", "z{0,2}", "(?:\\.com)?"};
    static final String[] FRAGMENTS = {"https://", "a", "b", ".", "x", "y", "c", "1", "22", ":", "-", "]", "z", "ab", ".com", "/"};

    /** Generated patterns and values: wherever a pattern whole-matches a value, its affixes admit the value. */
    @Test
    void neverRulesOutAValueThePatternMatches() {
        Random random = new Random(20261202L);
        int matched = 0;
        int ruledOut = 0;
        for (int n = 0; n < 1_500; n++) {
            StringBuilder regex = new StringBuilder();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                regex.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Pattern pattern = Pattern.compile(regex.toString());
            LiteralAffixes affixes = LiteralAffixes.of(pattern);
            if (affixes == null) {
                continue;
            }
            for (String value : values(random, pattern)) {
                boolean matches = pattern.matcher(value).matches();
                assertThat(regex + " matches \"" + value + "\" but " + affixes + " would rule it out",
                        !matches || affixes.admits(value), is(true));
                matched += matches ? 1 : 0;
                ruledOut += affixes.admits(value) ? 0 : 1;
            }
        }
        assertThat("values matched: " + matched, matched > 1_000, is(true));
        assertThat("values ruled out: " + ruledOut, ruledOut > 10_000, is(true));
    }

    /** Random values, and for a share of the patterns values built to match them. */
    private static List<String> values(Random random, Pattern pattern) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder v = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                v.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            values.add(v.toString());
        }
        // Values the pattern matches, found by trying the random ones with one fragment more.
        for (String v : List.copyOf(values)) {
            for (String f : FRAGMENTS) {
                if (pattern.matcher(v + f).matches()) {
                    values.add(v + f);
                }
            }
        }
        return values;
    }

    @Test
    void originMatcherAsksThePatternsOnlyOfOriginsTheirAffixesAdmit() {
        List<Pattern> patterns = List.of(Pattern.compile("https://[a-z]+\\.a\\.com"), Pattern.compile("https://x\\.b\\.com(:\\d+)?"));
        OriginMatcher matcher = OriginMatcherTest.withPatterns(OriginPatterns.of(patterns));
        assertThat(LiteralAffixes.of(patterns), is(List.of(new LiteralAffixes("https://", ".a.com"), new LiteralAffixes("https://x.b.com", ""))));
        for (String origin : List.of("https://app.a.com", "https://x.b.com:8443", "https://evil.example.net", "https://app.a.com.evil.net",
                "http://app.a.com", "https://x.b.com.evil.net")) {
            boolean oneByOne = patterns.stream().anyMatch(p -> p.matcher(origin).matches());
            assertThat(origin, matcher.allows(origin, null), is(oneByOne));
        }
    }

    /**
     * Where one pattern's affixes admit an origin, that pattern alone is asked; where several do, all
     * of them are (combined or one by one): either way, exactly what the patterns one by one allow.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void originAdmittedByOneOrSeveralPatternsIsAllowedExactlyAsThePatternsAllowIt(boolean combine) {
        List<Pattern> patterns = List.of(Pattern.compile("https://[a-z]+\\.a\\.com"), Pattern.compile("https://x[0-9]\\.a\\.com"),
                Pattern.compile("https://[a-z]+\\.b\\.com"), Pattern.compile("https://x\\.c\\.com(:\\d+)?"));
        OriginMatcher matcher = OriginMatcherTest.withPatterns(combine ? OriginPatterns.of(patterns)
                : new OriginPatterns(patterns, null, OriginPatterns.AffixIndex.of(LiteralAffixes.of(patterns))));
        assertThat("the patterns combine", OriginPatterns.combine(patterns) != null, is(true));
        List<String> origins = List.of("https://app.a.com", "https://x1.a.com", "https://x1.b.com", "https://app.b.com", "https://x.c.com:8443",
                "https://x.c.com", "https://x.c.com:", "https://app.a.com.evil.net", "https://x1.a.com.b.com", "https://evil.example.net",
                "http://app.b.com", "https://.b.com");
        for (String origin : origins) {
            boolean oneByOne = patterns.stream().anyMatch(p -> p.matcher(origin).matches());
            assertThat(origin, matcher.allows(origin, null), is(oneByOne));
        }
        assertThat("admitted by two, matched by the second", matcher.allows("https://x1.a.com", null), is(true));
        assertThat("admitted by one only, and refused by it", matcher.allows("https://x1.b.com", null), is(false));
    }

    /**
     * Generated affixes (shared, nested and empty ends, prefixes only) and values: the index finds
     * exactly the patterns that a comparison with each pattern finds.
     */
    @Test
    void affixIndexAdmitsExactlyWhatEachPatternsAffixesAdmit() {
        String[] starts = {"", "https://", "http://", "https://x"};
        String[] ends = {"", ".a.com", ".b.a.com", "a.com", ".p1.example.org", ".p12.example.org", ":8443", "m"};
        Random random = new Random(19);
        int several = 0;
        int one = 0;
        for (int round = 0; round < 300; round++) {
            List<LiteralAffixes> affixes = new ArrayList<>();
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
                affixes.add(new LiteralAffixes(starts[random.nextInt(starts.length)], ends[random.nextInt(ends.length)]));
            }
            OriginPatterns.AffixIndex index = OriginPatterns.AffixIndex.of(affixes);
            for (int v = 0; v < 40; v++) {
                String value = starts[random.nextInt(starts.length)] + (random.nextBoolean() ? "app" : "")
                        + ends[random.nextInt(ends.length)] + (random.nextInt(4) == 0 ? ends[random.nextInt(ends.length)] : "");
                List<Integer> admitting = new ArrayList<>();
                for (int i = 0; i < affixes.size(); i++) {
                    if (affixes.get(i).admits(value)) {
                        admitting.add(i);
                    }
                }
                int expected = admitting.isEmpty() ? OriginPatterns.AffixIndex.NONE
                        : admitting.size() == 1 ? admitting.get(0) : OriginPatterns.AffixIndex.SEVERAL;
                assertThat(affixes + " for \"" + value + "\"", index.admitted(value), is(expected));
                several += expected == OriginPatterns.AffixIndex.SEVERAL ? 1 : 0;
                one += expected >= 0 ? 1 : 0;
            }
        }
        assertThat("the generated values reach every outcome", several > 100 && one > 100, is(true));
        assertThat("no affixes, no index", OriginPatterns.AffixIndex.of(null), is(nullValue()));
    }
}
