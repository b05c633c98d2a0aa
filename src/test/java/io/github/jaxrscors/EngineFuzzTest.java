package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the engine with Jazzer. In {@code mvn verify} each target runs as a
 * regression test over its stored inputs ({@code src/test/resources/.../EngineFuzzTestInputs}); with
 * {@code JAZZER_FUZZ=1} one target fuzzes for real (see docs/security.md).
 */
@Tag("fuzz")
class EngineFuzzTest {

    private static final List<String> ORIGIN_ENTRIES = List.of("*", "null", "https://app.example.com", "https://*.example.com",
            "http://localhost:8080", "http://[::1]:8080");

    /** Origin parsing and matching: never throws, and only well-formed origins (or a listed "null") are allowed. */
    @FuzzTest(maxDuration = "5m")
    void originMatching(FuzzedDataProvider data) {
        String entry = data.pickValue(ORIGIN_ENTRIES);
        boolean pattern = data.consumeBoolean();
        String origin = data.consumeRemainingAsString();
        CorsOptions.Builder b = CorsOptions.builder().origins(entry);
        if (pattern) {
            b.originPatterns("https://[a-z]+\\.example\\.com");
        }
        CorsPolicy policy = PolicyResolver.resolve("fuzz", List.of(new Layer(b.build(), "fuzz")));
        boolean allowed = policy.origins().allows(origin, null);
        boolean serialized = HttpSyntax.isSerializedOrigin(origin);
        if (allowed) {
            assertThat("only a serialized origin, or a listed null, is allowed: " + CorsLog.escape(origin),
                    serialized || origin.equals("null") && entry.equals("null"), is(true));
            assertThat("never over the length bound", origin.length() <= HttpSyntax.MAX_ORIGIN_LENGTH, is(true));
            assertThat("never with an upper-case letter (outside the Fetch Origin grammar): " + CorsLog.escape(origin),
                    origin.chars().noneMatch(c -> c >= 'A' && c <= 'Z'), is(true));
        }
        if (serialized) {
            assertThat("a serialized origin has no control character, comma, slash after the authority or space",
                    origin.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == ',' || c == '@' || c > 0x7e), is(true));
        }
    }

    /** Access-Control-Request-Headers parsing: never throws; the result is null or lower-case tokens, never "*". */
    @FuzzTest(maxDuration = "5m")
    void requestHeaderParsing(FuzzedDataProvider data) {
        String value = data.consumeRemainingAsString();
        List<String> names = CorsProcessor.parseHeaderList(value);
        if (names != null) {
            for (String name : names) {
                assertThat("a token", HttpSyntax.isToken(name), is(true));
                assertThat("lower case", name, is(HttpSyntax.lower(name)));
                assertThat("never the wildcard", name.equals("*"), is(false));
            }
        }
    }

    /** Whole decisions under a policy drawn from the input: the invariants of CorsInvariantsProperties hold. */
    @FuzzTest(maxDuration = "5m")
    void decisions(FuzzedDataProvider data) {
        boolean any = data.consumeBoolean();
        boolean credentials = !any && data.consumeBoolean();
        CorsOptions options = CorsOptions.builder()
                .origins(any ? new String[] {"*"} : new String[] {"https://app.example.com", "https://*.example.com"})
                .supportsCredentials(credentials)
                .sendWildcard(data.consumeBoolean())
                .varyHeader(data.consumeBoolean())
                .allowHeaders(data.consumeBoolean() ? new String[] {"*"} : new String[] {"Content-Type", "X-Custom"})
                .methods(data.consumeBoolean() ? new String[] {"GET", "PUT"} : new String[] {"DELETE"})
                .exposeHeaders(data.consumeBoolean() ? new String[] {"X-Total"} : new String[0])
                .build();
        CorsPolicy policy = PolicyResolver.resolve("fuzz", List.of(new Layer(options, "fuzz")));
        String origin = data.consumeString(600);
        String method = data.consumeString(20);
        String headers = data.consumeBoolean() ? data.consumeString(2000) : null;
        String privateNetwork = data.consumeBoolean() ? "true" : data.consumeRemainingAsString();
        CorsInvariantsProperties.assertInvariants(policy, origin, Decisions.actual(policy, origin, "https://api.example.com"));
        CorsInvariantsProperties.assertInvariants(policy, origin, Decisions.preflight(List.of(policy), origin, method, headers,
                privateNetwork));
    }
}
