package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code Origin} values a resolved policy allows. */
class OriginMatcherTest {

    private static OriginMatcher matcher(CorsOptions options) {
        return PolicyResolver.resolve("T", List.of(new Layer(options, "test"))).origins();
    }

    private static OriginMatcher origins(String... origins) {
        return matcher(CorsOptions.builder().origins(origins).build());
    }

    private static OriginMatcher patterns(String... patterns) {
        return matcher(CorsOptions.builder().originPatterns(patterns).build());
    }

    @ParameterizedTest
    @CsvSource({
        "https://app.example.com,       https://app.example.com,        true",
        "https://app.example.com,       https://APP.Example.COM,        true",
        "https://App.Example.com,       https://app.example.com,        true",
        "https://app.example.com,       HTTPS://app.example.com,        true",
        "https://app.example.com:8443,  https://app.example.com:8443,   true",
        "http://[::1]:8080,             http://[::1]:8080,              true",
        "https://app.example.com,       https://app.example.com:443,    false",
        "https://app.example.com,       https://app.example.com:8443,   false",
        "https://app.example.com,       http://app.example.com,         false",
        "https://app.example.com,       https://other.example.com,      false",
        "https://app.example.com,       https://x.app.example.com,      false",
        "https://app.example.com,       https://app.example.com.evil.net, false",
        "https://app.example.com,       https://app.example.co,         false",
        "https://app.example.com,       https://app.example.com/,       false",
        "https://app.example.com,       'https://app.example.com,https://evil.com', false",
        "https://app.example.com,       https://evil.com,               false",
        "https://app.example.com,       null,                           false"
    })
    void exactOriginMatchesWholeOriginWithCaseInsensitiveHost(String listed, String origin, boolean allowed) {
        assertThat("origins(" + listed + ") and Origin " + origin, origins(listed).allows(origin), is(allowed));
    }

    @Test
    void exactOriginsAddUp() {
        OriginMatcher m = origins("https://a.example.com", "https://b.example.com");
        assertThat("the first listed origin", m.allows("https://a.example.com"), is(true));
        assertThat("the second listed origin", m.allows("https://b.example.com"), is(true));
        assertThat("an unlisted origin", m.allows("https://c.example.com"), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true,  'one label'",
        "https://a.b.example.com,               true,  'two labels: any depth'",
        "https://x.y.z.example.com,             true,  'three labels'",
        "https://A.Example.COM,                 true,  'host compared case-insensitively'",
        "https://a-1.example.com,               true,  'label with a hyphen and a digit'",
        "https://example.com,                   false, 'the bare domain'",
        "https://a.example.com.evil.net,        false, 'another suffix after the domain'",
        "https://evilexample.com,               false, 'a host that merely ends in the domain name'",
        "https://a.evilexample.com,             false, 'subdomain of a look-alike domain'",
        "https://a.example.com:8443,            false, 'another port'",
        "https://a.example.com:443,             false, 'explicit port where none was listed'",
        "http://a.example.com,                  false, 'another scheme'",
        "https://.example.com,                  false, 'empty label'",
        "https://a..example.com,                false, 'empty label before the domain'",
        "https://a.example.com/,                false, 'trailing slash'",
        "https://a.example.com/x,               false, 'path'",
        "https://u@a.example.com,               false, 'user info'",
        "https://evil.com#.example.com,         false, 'fragment carrying the suffix'",
        "https://evil.com?.example.com,         false, 'query carrying the suffix'",
        "https://evil.com/.example.com,         false, 'path carrying the suffix'",
        "'https://evil.com,https://a.example.com', false, 'list ending in an allowed origin'",
        "xhttps://a.example.com,                false, 'scheme with a prefix'",
        "null,                                  false, 'opaque origin'"
    })
    void subdomainWildcardAllowsAnyDepthButNeverBareDomainOrOtherSuffix(String origin, boolean allowed, String why) {
        assertThat(why + ": https://*.example.com and Origin " + origin, origins("https://*.example.com").allows(origin),
                is(allowed));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com:8443,  true",
        "https://a.b.example.com:8443, true",
        "https://a.example.com,       false",
        "https://a.example.com:443,   false",
        "https://a.example.com:84430, false",
        "https://example.com:8443,    false"
    })
    void subdomainWildcardWithPortRequiresThatPort(String origin, boolean allowed) {
        assertThat("https://*.example.com:8443 and Origin " + origin, origins("https://*.example.com:8443").allows(origin),
                is(allowed));
    }

    @Test
    void subdomainWildcardListedInUpperCaseMatchesCaseInsensitively() {
        assertThat("the configured wildcard is compared case-insensitively",
                origins("HTTPS://*.Example.COM").allows("https://app.example.com"), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com",
        "http://localhost:8080",
        "http://[::1]:8080",
        "chrome-extension://abcdefghijklmnop",
        "HTTPS://ANY.EXAMPLE"
    })
    void starAllowsAnyWellFormedOrigin(String origin) {
        assertThat("origins * and Origin " + origin, origins("*").allows(origin), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "null",
        "",
        "https://a.com/",
        "https://a.com/path",
        "https://a.com,https://b.com",
        "https://a.com, https://b.com",
        "https://a.com\r\nSet-Cookie: x=1",
        "https://a.com\u0000",
        "https://u@a.com",
        "a.com",
        "*"
    })
    void starNeverAllowsNullNorMalformedValues(String origin) {
        assertThat("origins * must not accept " + CorsLog.escape(origin), origins("*").allows(origin), is(false));
    }

    @Test
    void starRefusesAnAbsentOrigin() {
        assertThat("no Origin is never an allowed origin", origins("*").allows(null), is(false));
    }

    @Test
    void starRefusesAnOversizeOrigin() {
        String huge = "https://" + "a".repeat(10_000) + ".com";
        assertThat("an oversize origin is not well-formed, even under *", origins("*").allows(huge), is(false));
    }

    @Test
    void nullIsAllowedOnlyWhenListed() {
        assertThat("null listed", origins("null").allows("null"), is(true));
        assertThat("null listed beside an origin", origins("https://a.com", "null").allows("null"), is(true));
        assertThat("null not listed", origins("https://a.com").allows("null"), is(false));
        assertThat("null not covered by *", origins("*").allows("null"), is(false));
        assertThat("null not covered by a subdomain wildcard", origins("https://*.example.com").allows("null"), is(false));
    }

    @Test
    void listingNullAllowsNoOtherOrigin() {
        assertThat("null listed alone does not allow a real origin", origins("null").allows("https://a.com"), is(false));
    }

    @Test
    void nullIsCaseSensitive() {
        assertThat("\"NULL\" is not the opaque origin, and not an origin at all", origins("null").allows("NULL"), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true",
        "https://a.example.com.evil.net,        false",
        "xhttps://a.example.com,                false",
        "https://a.example.com:8080,            false",
        "https://aXexample.com,                 false",
        "https://b.example.com,                 false"
    })
    void originPatternMustMatchTheWholeOrigin(String origin, boolean allowed) {
        assertThat("originPatterns https://a\\.example\\.com and Origin " + origin,
                patterns("https://a\\.example\\.com").allows(origin), is(allowed));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true",
        "https://a.example.com.evil.net,        false",
        "xhttps://a.example.com,                false"
    })
    void compiledOriginPatternMustMatchTheWholeOrigin(String origin, boolean allowed) {
        OriginMatcher m = matcher(CorsOptions.builder().originPatterns(Pattern.compile("https://a\\.example\\.com")).build());
        assertThat("a compiled Pattern is a whole match too, for Origin " + origin, m.allows(origin), is(allowed));
    }

    @Test
    void originPatternsAreCheckedAgainstMalformedValuesNeverNull() {
        OriginMatcher m = patterns(".*");
        assertThat("a match-all pattern allows a real origin", m.allows("https://a.com"), is(true));
        assertThat("patterns never match null", m.allows("null"), is(false));
        assertThat("patterns never see a malformed value", m.allows("https://a.com/path"), is(false));
        assertThat("patterns never see a list", m.allows("https://a.com,https://b.com"), is(false));
        assertThat("patterns never see CR/LF", m.allows("https://a.com\r\nX: y"), is(false));
    }

    @Test
    void compiledPatternNeverMatchesNull() {
        OriginMatcher m = matcher(CorsOptions.builder().originPatterns(Pattern.compile("null|.*")).build());
        assertThat("a Pattern object never matches null", m.allows("null"), is(false));
    }

    @Test
    void originsAndPatternsAddUp() {
        OriginMatcher m = matcher(CorsOptions.builder()
                .origins("https://listed.com")
                .originPatterns("https://[a-z]+\\.pattern\\.com")
                .build());
        assertThat("the listed origin", m.allows("https://listed.com"), is(true));
        assertThat("an origin the pattern accepts", m.allows("https://x.pattern.com"), is(true));
        assertThat("neither", m.allows("https://other.com"), is(false));
    }

    @Test
    void predicateIsAskedWithTheOriginAndDecides() {
        List<String> asked = new ArrayList<>();
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(o -> {
            asked.add(o);
            return o.endsWith(".trusted.com");
        }).build());
        assertThat("the predicate accepts", m.allows("https://app.trusted.com"), is(true));
        assertThat("the predicate refuses", m.allows("https://app.other.com"), is(false));
        assertThat("asked with each origin as sent", asked, is(List.of("https://app.trusted.com", "https://app.other.com")));
    }

    @Test
    void predicateAddsUpWithListedOrigins() {
        OriginMatcher m = matcher(CorsOptions.builder().origins("https://listed.com").originPredicate(o -> o.equals("https://db.com"))
                .build());
        assertThat("a listed origin", m.allows("https://listed.com"), is(true));
        assertThat("an origin the predicate accepts", m.allows("https://db.com"), is(true));
        assertThat("neither", m.allows("https://other.com"), is(false));
    }

    @Test
    void predicateThatThrowsRefusesTheOriginWithoutEscaping() {
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(o -> {
            throw new IllegalStateException("database down");
        }).build());
        assertThat("an exception in the predicate refuses the origin (and does not escape)", m.allows("https://a.com"), is(false));
    }

    @Test
    void predicateThatThrowsDoesNotHideAListedOrigin() {
        OriginMatcher m = matcher(CorsOptions.builder().origins("https://listed.com").originPredicate(o -> {
            throw new IllegalStateException("database down");
        }).build());
        assertThat("a listed origin is allowed before the predicate is asked", m.allows("https://listed.com"), is(true));
    }

    @Test
    void predicateIsNeverAskedAboutNullOrMalformedValues() {
        List<String> asked = new ArrayList<>();
        Predicate<String> all = o -> {
            asked.add(o);
            return true;
        };
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(all).build());
        assertThat("null is never given to the predicate", m.allows("null"), is(false));
        assertThat("a list is never given to the predicate", m.allows("https://a.com,https://b.com"), is(false));
        assertThat("a value with a path is never given to the predicate", m.allows("https://a.com/x"), is(false));
        assertThat("an absent origin is never given to the predicate", m.allows(null), is(false));
        assertThat("the predicate was asked nothing", asked, is(empty()));
    }

    @Test
    void oversizeOriginIsRefusedWithoutCallingThePredicate() {
        AtomicInteger calls = new AtomicInteger();
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(o -> {
            calls.incrementAndGet();
            return true;
        }).build());
        String huge = "https://" + "a".repeat(10_000 - "https://".length());
        assertThat("a 10,000-character origin", huge.length(), is(10_000));
        assertThat("an oversize origin is refused", m.allows(huge), is(false));
        assertThat("the predicate never saw it", calls.get(), is(0));
    }

    @Test
    void oversizeOriginIsRefusedWithoutRunningAPattern() {
        AtomicInteger calls = new AtomicInteger();
        OriginMatcher m = new OriginMatcher(false, Set.of(), List.of(), List.of(Pattern.compile(".*")), o -> {
            calls.incrementAndGet();
            return true;
        }, false);
        String huge = "https://" + "a".repeat(10_000);
        assertThat("a match-all pattern and predicate still refuse an oversize value", m.allows(huge), is(false));
        assertThat("the predicate never saw it", calls.get(), is(0));
    }

    @Test
    void directlyConstructedMatcherComparesExactOriginsInLowerCase() {
        OriginMatcher m = new OriginMatcher(false, Set.of("https://a.com"), List.of(), List.of(), null, false);
        assertThat("the host of the request value is lower-cased before the look-up", m.allows("https://A.COM"), is(true));
        assertThat("another host", m.allows("https://b.com"), is(false));
    }

    @Test
    void emptyOriginListAllowsNothing() {
        OriginMatcher m = origins();
        assertThat("origins() with no entry allows no origin", m.allows("https://a.com"), is(false));
        assertThat("nor null", m.allows("null"), is(false));
    }

    @Test
    void combinedPatternsAllowExactlyWhatThePatternsOneByOneAllow() {
        List<Pattern> patterns = List.of(Pattern.compile("https://[a-z]+\\.a\\.com"), Pattern.compile("https://x\\.b\\.com(:\\d+)?"),
                Pattern.compile("https://(?i:CASE)\\.c\\.com"), Pattern.compile("https://a\\.com"), Pattern.compile("https://a\\.com:8\\d"));
        OriginMatcher combined = new OriginMatcher(false, Set.of(), List.of(), patterns, null, false);
        OriginMatcher oneByOne = new OriginMatcher(false, Set.of(), List.of(), patterns, null, false, null);
        assertThat("the five patterns were combined", combined.combined() != null, is(true));
        List<String> probes = List.of("https://app.a.com", "https://app.a.com.evil.net", "https://x.b.com", "https://x.b.com:8443",
                "https://x.b.com:", "https://case.c.com", "https://CASE.c.com", "https://case.C.com", "https://a.com", "https://a.com:80",
                "https://a.com:8", "https://evil.a.com.b.com", "http://app.a.com", "https://a.comx", "https://xa.com");
        for (String origin : probes) {
            assertThat(origin, combined.allows(origin), is(oneByOne.allows(origin)));
        }
        assertThat("a later alternative matches where an earlier one matches only a prefix", combined.allows("https://a.com:80"),
                is(true));
        assertThat("no alternative spills past its end", combined.allows("https://app.a.com.evil.net"), is(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://(a)\\1\\.com", "https://(?<h>a)\\k<h>\\.com", "https://\\Qa.com", "(?x)https://a\\.com # c",
        "https://a\\.com(?x)"})
    void patternsWhoseMeaningDependsOnTheirPlaceAreNotCombined(String pattern) {
        List<Pattern> patterns = List.of(Pattern.compile(pattern), Pattern.compile("https://b\\.com"));
        assertThat(pattern, OriginMatcher.combine(patterns), is((Pattern) null));
        assertThat("nor with a compile flag", OriginMatcher.combine(List.of(Pattern.compile("https://a\\.com", Pattern.CASE_INSENSITIVE),
                Pattern.compile("https://b\\.com"))), is((Pattern) null));
        assertThat("nor fewer than two", OriginMatcher.combine(List.of(Pattern.compile("https://b\\.com"))), is((Pattern) null));
    }
}
