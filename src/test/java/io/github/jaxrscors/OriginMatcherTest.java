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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code Origin} values a resolved policy allows. */
@Tag("unit")
class OriginMatcherTest {

    private static OriginMatcher matcher(CorsOptions options) {
        return PolicyResolver.resolve("T", List.of(new Layer(options, "test"))).origins();
    }

    /** Only the patterns, with the speed-ups given. */
    static OriginMatcher withPatterns(OriginPatterns patterns) {
        return new OriginMatcher(false, Set.of(), Set.of(), List.of(), patterns, null, false);
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
        "https://App.Example.com,       https://app.example.com,        true",
        "HTTPS://APP.EXAMPLE.COM,       https://app.example.com,        true",
        "https://app.example.com,       https://APP.Example.COM,        false",
        "https://app.example.com,       HTTPS://app.example.com,        false",
        "https://App.Example.com,       https://App.Example.com,        false",
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
    void exactOriginMatchesTheWholeLowerCaseOriginWhateverTheCaseListed(String listed, String origin, boolean allowed) {
        assertThat("origins(" + listed + ") and Origin " + origin, origins(listed).allows(origin, null), is(allowed));
    }

    @Test
    void exactOriginsAddUp() {
        OriginMatcher m = origins("https://a.example.com", "https://b.example.com");
        assertThat("the first listed origin", m.allows("https://a.example.com", null), is(true));
        assertThat("the second listed origin", m.allows("https://b.example.com", null), is(true));
        assertThat("an unlisted origin", m.allows("https://c.example.com", null), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true,  'one label'",
        "https://a.b.example.com,               true,  'two labels: any depth'",
        "https://x.y.z.example.com,             true,  'three labels'",
        "https://A.Example.COM,                 false, 'upper case: outside the Origin grammar'",
        "HTTPS://a.example.com,                 false, 'upper-case scheme'",
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
        assertThat(why + ": https://*.example.com and Origin " + origin, origins("https://*.example.com").allows(origin, null),
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
        assertThat("https://*.example.com:8443 and Origin " + origin, origins("https://*.example.com:8443").allows(origin, null),
                is(allowed));
    }

    @Test
    void subdomainWildcardListedInUpperCaseMatchesTheLowerCaseOrigin() {
        OriginMatcher m = origins("HTTPS://*.Example.COM");
        assertThat("the configured wildcard is lower-cased at startup", m.allows("https://app.example.com", null), is(true));
        assertThat("an Origin value in upper case is still refused", m.allows("https://APP.Example.COM", null), is(false));
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost,                  true,  'no port: the scheme's default'",
        "http://localhost:8080,             true,  'a port'",
        "http://localhost:1,                true,  'the lowest port'",
        "http://localhost:65535,            true,  'the highest port'",
        "http://localhost:443,              true,  'another scheme's default port, sent explicitly'",
        "http://localhost:65536,            false, 'a port above 65535'",
        "http://localhost:080800,           false, 'six digits'",
        "http://localhost:,                 false, 'an empty port'",
        "http://localhost:8o,               false, 'a port that is not digits'",
        "http://localhost:8080:9090,        false, 'two ports'",
        "https://localhost:8080,            false, 'another scheme'",
        "http://localhost.evil.net:8080,    false, 'another host that starts with the listed one'",
        "http://evil.localhost:8080,        false, 'a subdomain'",
        "http://localhostx:8080,            false, 'a longer host'",
        "http://localhost:8080/,            false, 'trailing slash'",
        "http://u@localhost:8080,           false, 'user info'",
        "http://LOCALHOST:8080,             false, 'upper case'",
        "'http://localhost:1,http://localhost:2', false, 'a list'",
        "null,                              false, 'opaque origin'"
    })
    void portWildcardAllowsAnyPortOrNoneOfThatSchemeAndHostOnly(String origin, boolean allowed, String why) {
        assertThat(why + ": http://localhost:* and Origin " + origin, origins("http://localhost:*").allows(origin, null), is(allowed));
    }

    @ParameterizedTest
    @CsvSource({
        "http://[::1],          true",
        "http://[::1]:5173,     true",
        "http://[::2]:5173,     false",
        "http://[::1]x,         false",
        "https://[::1]:5173,    false"
    })
    void portWildcardOnAnIpv6LiteralAllowsAnyPortOfThatAddress(String origin, boolean allowed) {
        assertThat("http://[::1]:* and Origin " + origin, origins("http://[::1]:*").allows(origin, null), is(allowed));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true,  'no port'",
        "https://a.example.com:8443,            true,  'a port'",
        "https://a.b.example.com:1,             true,  'any depth, any port'",
        "https://example.com,                   false, 'the bare domain'",
        "https://example.com:8443,              false, 'the bare domain with a port'",
        "https://a.example.com.evil.net:8443,   false, 'another suffix'",
        "https://evilexample.com:8443,          false, 'a host that merely ends in the domain name'",
        "http://a.example.com:8443,             false, 'another scheme'",
        "https://a.example.com:99999,           false, 'a port above 65535'",
        "https://a.example.com:8443/,           false, 'trailing slash'",
        "https://A.example.com:8443,            false, 'upper case'",
        "https://[::1]:8443,                    false, 'an IPv6 literal'"
    })
    void subdomainWildcardWithAnyPortAllowsAnyDepthAndAnyPort(String origin, boolean allowed, String why) {
        assertThat(why + ": https://*.example.com:* and Origin " + origin, origins("https://*.example.com:*").allows(origin, null),
                is(allowed));
    }

    @Test
    void portWildcardsAddUpWithTheOtherFormsAndReadInTheLog() {
        OriginMatcher m = origins("https://app.example.com", "HTTP://LocalHost:*", "https://*.example.org:*");
        assertThat("the exact origin", m.allows("https://app.example.com", null), is(true));
        assertThat("the exact origin allows no other port", m.allows("https://app.example.com:8443", null), is(false));
        assertThat("the port wildcard, listed in upper case", m.allows("http://localhost:3000", null), is(true));
        assertThat("the subdomain wildcard with any port", m.allows("https://a.example.org:444", null), is(true));
        assertThat("the policy log shows every form as it matches", m.toString(),
                is("https://app.example.com, http://localhost:*, https://*.example.org:*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com",
        "http://localhost:8080",
        "http://[::1]:8080",
        "chrome-extension://abcdefghijklmnop"
    })
    void starAllowsAnyWellFormedOrigin(String origin) {
        assertThat("origins * and Origin " + origin, origins("*").allows(origin, null), is(true));
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
        "*",
        "HTTPS://ANY.EXAMPLE",
        "https://Any.example",
        "Chrome-Extension://abcdefghijklmnop",
        "NULL"
    })
    void starNeverAllowsNullNorMalformedValues(String origin) {
        assertThat("origins * must not accept " + CorsLog.escape(origin), origins("*").allows(origin, null), is(false));
    }

    @Test
    void starRefusesAnAbsentOrigin() {
        assertThat("no Origin is never an allowed origin", origins("*").allows(null, null), is(false));
    }

    @Test
    void starRefusesAnOversizeOrigin() {
        String huge = "https://" + "a".repeat(10_000) + ".com";
        assertThat("an oversize origin is not well-formed, even under *", origins("*").allows(huge, null), is(false));
    }

    @Test
    void nullIsAllowedOnlyWhenListed() {
        assertThat("null listed", origins("null").allows("null", null), is(true));
        assertThat("null listed beside an origin", origins("https://a.com", "null").allows("null", null), is(true));
        assertThat("null not listed", origins("https://a.com").allows("null", null), is(false));
        assertThat("null not covered by *", origins("*").allows("null", null), is(false));
        assertThat("null not covered by a subdomain wildcard", origins("https://*.example.com").allows("null", null), is(false));
    }

    @Test
    void listingNullAllowsNoOtherOrigin() {
        assertThat("null listed alone does not allow a real origin", origins("null").allows("https://a.com", null), is(false));
    }

    @Test
    void nullIsCaseSensitive() {
        assertThat("\"NULL\" is not the opaque origin, and not an origin at all", origins("null").allows("NULL", null), is(false));
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
                patterns("https://a\\.example\\.com").allows(origin, null), is(allowed));
    }

    @ParameterizedTest
    @CsvSource({
        "https://a.example.com,                 true",
        "https://a.example.com.evil.net,        false",
        "xhttps://a.example.com,                false"
    })
    void compiledOriginPatternMustMatchTheWholeOrigin(String origin, boolean allowed) {
        OriginMatcher m = matcher(CorsOptions.builder().originPatterns(Pattern.compile("https://a\\.example\\.com")).build());
        assertThat("a compiled Pattern is a whole match too, for Origin " + origin, m.allows(origin, null), is(allowed));
    }

    @Test
    void originPatternsAreCheckedAgainstMalformedValuesNeverNull() {
        OriginMatcher m = patterns(".*");
        assertThat("a match-all pattern allows a real origin", m.allows("https://a.com", null), is(true));
        assertThat("patterns never match null", m.allows("null", null), is(false));
        assertThat("patterns never see a malformed value", m.allows("https://a.com/path", null), is(false));
        assertThat("patterns never see a list", m.allows("https://a.com,https://b.com", null), is(false));
        assertThat("patterns never see CR/LF", m.allows("https://a.com\r\nX: y", null), is(false));
    }

    @Test
    void compiledPatternNeverMatchesNull() {
        OriginMatcher m = matcher(CorsOptions.builder().originPatterns(Pattern.compile("null|.*")).build());
        assertThat("a Pattern object never matches null", m.allows("null", null), is(false));
    }

    @Test
    void originsAndPatternsAddUp() {
        OriginMatcher m = matcher(CorsOptions.builder()
                .origins("https://listed.com")
                .originPatterns("https://[a-z]+\\.pattern\\.com")
                .build());
        assertThat("the listed origin", m.allows("https://listed.com", null), is(true));
        assertThat("an origin the pattern accepts", m.allows("https://x.pattern.com", null), is(true));
        assertThat("neither", m.allows("https://other.com", null), is(false));
    }

    @Test
    void predicateIsAskedWithTheOriginAndDecides() {
        List<String> asked = new ArrayList<>();
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(o -> {
            asked.add(o);
            return o.endsWith(".trusted.com");
        }).build());
        assertThat("the predicate accepts", m.allows("https://app.trusted.com", null), is(true));
        assertThat("the predicate refuses", m.allows("https://app.other.com", null), is(false));
        assertThat("asked with each origin as sent", asked, is(List.of("https://app.trusted.com", "https://app.other.com")));
    }

    @Test
    void predicateAddsUpWithListedOrigins() {
        OriginMatcher m = matcher(CorsOptions.builder().origins("https://listed.com").originPredicate(o -> o.equals("https://db.com"))
                .build());
        assertThat("a listed origin", m.allows("https://listed.com", null), is(true));
        assertThat("an origin the predicate accepts", m.allows("https://db.com", null), is(true));
        assertThat("neither", m.allows("https://other.com", null), is(false));
    }

    @Test
    void predicateThatThrowsRefusesTheOriginWithoutEscaping() {
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(o -> {
            throw new IllegalStateException("database down");
        }).build());
        assertThat("an exception in the predicate refuses the origin (and does not escape)", m.allows("https://a.com", null), is(false));
    }

    @Test
    void predicateThatThrowsDoesNotHideAListedOrigin() {
        OriginMatcher m = matcher(CorsOptions.builder().origins("https://listed.com").originPredicate(o -> {
            throw new IllegalStateException("database down");
        }).build());
        assertThat("a listed origin is allowed before the predicate is asked", m.allows("https://listed.com", null), is(true));
    }

    @Test
    void predicateIsNeverAskedAboutNullOrMalformedValues() {
        List<String> asked = new ArrayList<>();
        Predicate<String> all = o -> {
            asked.add(o);
            return true;
        };
        OriginMatcher m = matcher(CorsOptions.builder().originPredicate(all).build());
        assertThat("null is never given to the predicate", m.allows("null", null), is(false));
        assertThat("a list is never given to the predicate", m.allows("https://a.com,https://b.com", null), is(false));
        assertThat("a value with a path is never given to the predicate", m.allows("https://a.com/x", null), is(false));
        assertThat("an absent origin is never given to the predicate", m.allows(null, null), is(false));
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
        assertThat("an oversize origin is refused", m.allows(huge, null), is(false));
        assertThat("the predicate never saw it", calls.get(), is(0));
    }

    @Test
    void oversizeOriginIsRefusedWithoutRunningAPattern() {
        AtomicInteger calls = new AtomicInteger();
        OriginMatcher m = new OriginMatcher(false, Set.of(), Set.of(), List.of(), OriginPatterns.of(List.of(Pattern.compile(".*"))),
                new OriginPredicate(new OriginPredicate.OriginOnly(o -> {
                    calls.incrementAndGet();
                    return true;
                }), List.of()), false);
        String huge = "https://" + "a".repeat(10_000);
        assertThat("a match-all pattern and predicate still refuse an oversize value", m.allows(huge, null), is(false));
        assertThat("the predicate never saw it", calls.get(), is(0));
    }

    @Test
    void upperCaseOriginValueIsRefusedBeforeAnyLookUp() {
        OriginMatcher m = new OriginMatcher(false, Set.of("https://a.com"), Set.of("http://localhost"), List.of(), OriginPatterns.NONE,
                null, false);
        assertThat("the listed origin", m.allows("https://a.com", null), is(true));
        assertThat("the listed origin in upper case did not come from a browser", m.allows("https://A.COM", null), is(false));
        assertThat("nor does a port-wildcard host in upper case", m.allows("http://LOCALHOST:8080", null), is(false));
        assertThat("another host", m.allows("https://b.com", null), is(false));
    }

    @Test
    void upperCaseOriginValueIsNeverShownToPatternsNorThePredicate() {
        List<String> asked = new ArrayList<>();
        OriginMatcher m = matcher(CorsOptions.builder().originPatterns("(?i)https://app\\.example\\.com").originPredicate(o -> {
            asked.add(o);
            return true;
        }).build());
        assertThat("a case-insensitive pattern never sees an upper-case value", m.allows("https://APP.example.com", null), is(false));
        assertThat("the predicate was asked nothing", asked, is(empty()));
    }

    @Test
    void emptyOriginListAllowsNothing() {
        OriginMatcher m = origins();
        assertThat("origins() with no entry allows no origin", m.allows("https://a.com", null), is(false));
        assertThat("nor null", m.allows("null", null), is(false));
    }

    @Test
    void combinedPatternsAllowExactlyWhatThePatternsOneByOneAllow() {
        List<Pattern> patterns = List.of(Pattern.compile("https://[a-z]+\\.a\\.com"), Pattern.compile("https://x\\.b\\.com(:\\d+)?"),
                Pattern.compile("https://(?i:CASE)\\.c\\.com"), Pattern.compile("https://a\\.com"), Pattern.compile("https://a\\.com:8\\d"));
        OriginMatcher combined = withPatterns(OriginPatterns.of(patterns));
        OriginMatcher oneByOne = withPatterns(new OriginPatterns(patterns, null, OriginPatterns.AffixIndex.of(LiteralAffixes.of(patterns))));
        assertThat("the five patterns combine", OriginPatterns.combine(patterns) != null, is(true));
        List<String> probes = List.of("https://app.a.com", "https://app.a.com.evil.net", "https://x.b.com", "https://x.b.com:8443",
                "https://x.b.com:", "https://case.c.com", "https://CASE.c.com", "https://case.C.com", "https://a.com", "https://a.com:80",
                "https://a.com:8", "https://evil.a.com.b.com", "http://app.a.com", "https://a.comx", "https://xa.com");
        for (String origin : probes) {
            assertThat(origin, combined.allows(origin, null), is(oneByOne.allows(origin, null)));
        }
        assertThat("a later alternative matches where an earlier one matches only a prefix", combined.allows("https://a.com:80", null),
                is(true));
        assertThat("no alternative spills past its end", combined.allows("https://app.a.com.evil.net", null), is(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://(a)\\1\\.com", "https://(?<h>a)\\k<h>\\.com", "https://\\Qa.com", "(?x)https://a\\.com # c",
        "https://a\\.com(?x)"})
    void patternsWhoseMeaningDependsOnTheirPlaceAreNotCombined(String pattern) {
        List<Pattern> patterns = List.of(Pattern.compile(pattern), Pattern.compile("https://b\\.com"));
        assertThat(pattern, OriginPatterns.combine(patterns), is((Pattern) null));
        assertThat("nor with a compile flag", OriginPatterns.combine(List.of(Pattern.compile("https://a\\.com", Pattern.CASE_INSENSITIVE),
                Pattern.compile("https://b\\.com"))), is((Pattern) null));
        assertThat("nor fewer than two", OriginPatterns.combine(List.of(Pattern.compile("https://b\\.com"))), is((Pattern) null));
    }
}
