package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The lookalike check over generated origin patterns: every safe one (escaped dots, a {@code \.}
 * boundary after each wildcard, nothing after the domain) is never tripped, and every sloppy one
 * (one unescaped dot in the domain, a wildcard directly before its first label, or a wildcard
 * after it) always is, with a lookalike the pattern really admits and that is neither the domain
 * nor one of its subdomains.
 */
@Tag("property")
class LookalikeOriginPatternProperties {

    static final int TRIES = 2000;
    static final AtomicInteger SAFE = new AtomicInteger();
    static final AtomicInteger SLOPPY = new AtomicInteger();

    private static final List<String> SCHEMES = List.of("https://", "http://", "https?://", "(https|http)://");
    private static final List<String> PORTS = List.of("", ":8443", "(:\\d+)?", ":\\d+", "(:[0-9]{2,5})?");
    private static final List<String> SAFE_PREFIXES = List.of("", "([a-z0-9-]+\\.)*", "([a-z0-9-]+\\.)+", ".*\\.", "[a-z]+\\.",
            "(app|www)\\.", "[a-z0-9-]{1,20}\\.", "(.+\\.)?");
    private static final List<String> WILDCARDS_BEFORE = List.of(".*", ".+", "[a-z0-9-]*", "[a-z]+", ".{0,10}", "(.*)");
    private static final List<String> WILDCARDS_AFTER = List.of(".*", ".+", "(\\..*)?", "[a-z.]*", "(.*)");

    /** A domain of two to four labels, lower case: {@code ab3.example.com}. */
    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Combinators.combine(Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(8))
                .as((first, rest) -> first + rest);
        Arbitrary<String> tld = Arbitraries.of("com", "net", "org", "io", "dev", "co.uk");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld).as((labels, t) -> String.join(".", labels) + "." + t);
    }

    private static String escaped(String domain) {
        return domain.replace(".", "\\.");
    }

    @Provide
    Arbitrary<String> safePatterns() {
        return Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.of(SAFE_PREFIXES), domains(), Arbitraries.of(PORTS))
                .as((scheme, prefix, domain, port) -> scheme + prefix + escaped(domain) + port);
    }

    @Provide
    Arbitrary<String> sloppyPatterns() {
        Arbitrary<String> unescapedDot = Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.of("", "([a-z0-9-]+\\.)*",
                "[a-z]+\\.", "www\\."), domains(), Arbitraries.integers().between(0, 10), Arbitraries.of(PORTS))
                .as((scheme, prefix, domain, which, port) -> {
                    String e = escaped(domain);
                    int dots = domain.length() - domain.replace(".", "").length();
                    int n = which % dots;
                    int at = -1;
                    for (int i = 0; i <= n; i++) {
                        at = e.indexOf("\\.", at + 1);
                    }
                    return scheme + prefix + e.substring(0, at) + "." + e.substring(at + 2) + port;
                });
        Arbitrary<String> wildcardBefore = Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.of(WILDCARDS_BEFORE), domains(),
                Arbitraries.of(PORTS)).as((scheme, w, domain, port) -> scheme + w + escaped(domain) + port);
        Arbitrary<String> wildcardAfter = Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.of(SAFE_PREFIXES.subList(0, 5)),
                domains(), Arbitraries.of(WILDCARDS_AFTER)).as((scheme, prefix, domain, w) -> scheme + prefix + escaped(domain) + w);
        return Arbitraries.oneOf(unescapedDot, wildcardBefore, wildcardAfter);
    }

    @Property(tries = TRIES)
    void aSafePatternIsNeverTripped(@ForAll("safePatterns") String regex) {
        SAFE.incrementAndGet();
        assertThat(regex + " admits no lookalike", OriginPatternAudit.lookalike(Pattern.compile(regex)), nullValue());
    }

    @Property(tries = TRIES)
    void aSloppyPatternIsAlwaysTrippedByALookalikeItReallyAdmits(@ForAll("sloppyPatterns") String regex) {
        SLOPPY.incrementAndGet();
        Pattern pattern = Pattern.compile(regex);
        String lookalike = OriginPatternAudit.lookalike(pattern);
        assertThat(regex + " is tripped", lookalike, notNullValue());
        assertThat("the pattern admits " + lookalike, pattern.matcher(lookalike).matches());
        String host = lookalike.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        String domain = OriginPatternAudit.host(regex);
        assertThat(lookalike + " is neither " + domain + " nor one of its subdomains",
                !host.equals(domain) && !host.endsWith("." + domain));
    }

    @AfterContainer
    static void report() {
        System.out.println("LookalikeOriginPatternProperties: " + SAFE.get() + " safe patterns, none tripped; " + SLOPPY.get()
                + " sloppy patterns, every one tripped");
    }
}
