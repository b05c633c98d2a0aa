package io.github.jaxrscors;

import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Merging layers (highest first) into one policy, the defaults, and the startup errors. */
@Tag("unit")
@Isolated
class PolicyResolverTest {

    static final String TARGET = "UserResource#list";
    static final String METHOD_SOURCE = "@CrossOrigin on UserResource#list";
    static final String CLASS_SOURCE = "@CrossOrigin on UserResource";
    static final String RULE_SOURCE = "resource(\"/api/.*\")";

    private static CorsPolicy resolve(Layer... layers) {
        return PolicyResolver.resolve(TARGET, List.of(layers));
    }

    private static Layer method(CorsOptions.Builder b) {
        return new Layer(b.build(), METHOD_SOURCE);
    }

    private static Layer type(CorsOptions.Builder b) {
        return new Layer(b.build(), CLASS_SOURCE);
    }

    private static Layer rule(CorsOptions.Builder b) {
        return new Layer(b.build(), RULE_SOURCE);
    }

    private static CorsOptions.Builder options() {
        return CorsOptions.builder();
    }

    private static String failure(Layer... layers) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolve(layers),
                "the configuration must fail at startup");
        return e.getMessage();
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void defaultsAreExactlyThoseOfTheContract() {
        CorsPolicy p = PolicyResolver.resolve(TARGET, List.of());
        assertThat("origins * by default", p.origins().any(), is(true));
        assertThat("null is not allowed by default", p.origins().allowNull(), is(false));
        assertThat("no listed origins", p.origins().exact(), is(empty()));
        assertThat("no wildcards", p.origins().wildcards(), is(empty()));
        assertThat("no origin patterns", p.origins().patterns().all(), is(empty()));
        assertThat("no predicate", p.origins().predicate(), is(nullValue()));
        assertThat("default methods", p.methods(), is(List.of("GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE")));
        assertThat("default Access-Control-Allow-Methods, in the contract's order", p.allowMethods(),
                is("GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"));
        assertThat("allowHeaders * by default", p.allowHeaders().any(), is(true));
        assertThat("no expose headers by default", p.exposeHeaders(), is(nullValue()));
        assertThat("supportsCredentials false by default", p.supportsCredentials(), is(false));
        assertThat("no max age by default", p.maxAge(), is(CorsPolicy.NO_MAX_AGE));
        assertThat("sendWildcard false by default (origins echoed)", p.sendWildcard(), is(false));
        assertThat("varyHeader true by default", p.varyHeader(), is(true));
        assertThat("allowPrivateNetwork false by default (CVE-2024-6221)", p.allowPrivateNetwork(), is(false));
        assertThat("automaticOptions true by default", p.automaticOptions(), is(true));
        assertThat("interceptExceptions true by default", p.interceptExceptions(), is(true));
        assertThat("rejectDisallowedOrigins false by default", p.rejectDisallowedOrigins(), is(false));
        assertThat("the policy is named after its target", p.source(), is(TARGET));
    }

    @Test
    void emptyLayersLeaveTheDefaults() {
        CorsPolicy p = resolve(method(options()), type(options()), rule(options()));
        assertThat("origins * by default", p.origins().any(), is(true));
        assertThat("default methods", p.allowMethods(), is("GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"));
        assertThat("allowHeaders * by default", p.allowHeaders().any(), is(true));
        assertThat("varyHeader true by default", p.varyHeader(), is(true));
        assertThat("allowPrivateNetwork false by default", p.allowPrivateNetwork(), is(false));
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void highestLayerThatSetsOriginsWins() {
        CorsPolicy p = resolve(method(options().origins("https://method.com")), type(options().origins("https://class.com")));
        assertThat("the method's origin", p.origins().allows("https://method.com", null), is(true));
        assertThat("the class's origin is replaced, not merged", p.origins().allows("https://class.com", null), is(false));
    }

    @Test
    void lowerLayerAnswersWhereHigherLayersLeaveAnOptionUnset() {
        CorsPolicy p = resolve(method(options().methods("PUT")), type(options().origins("https://class.com")),
                rule(options().maxAge(30).supportsCredentials(true)));
        assertThat("methods from the method", p.allowMethods(), is("PUT"));
        assertThat("origins from the class", p.origins().allows("https://class.com", null), is(true));
        assertThat("maxAge from the rule", p.maxAge(), is(30L));
        assertThat("credentials from the rule", p.supportsCredentials(), is(true));
    }

    @Test
    void listsNeverMergeAcrossLayers() {
        CorsPolicy p = resolve(method(options().methods("GET").allowHeaders("X-A").exposeHeaders("X-One")),
                type(options().methods("PUT").allowHeaders("X-B").exposeHeaders("X-Two")));
        assertThat("methods from the method alone", p.methods(), is(List.of("GET")));
        assertThat("Access-Control-Allow-Methods from the method alone", p.allowMethods(), is("GET"));
        assertThat("the method's header", p.allowHeaders().allows("x-a"), is(true));
        assertThat("not the class's header", p.allowHeaders().allows("x-b"), is(false));
        assertThat("expose headers from the method alone", p.exposeHeaders(), is("X-One"));
    }

    @Test
    void anEmptyListSetAtALayerReplacesTheLowerList() {
        CorsPolicy p = resolve(method(options().exposeHeaders()), type(options().exposeHeaders("X-Two")));
        assertThat("exposeHeaders() with no entry sets \"none\"", p.exposeHeaders(), is(nullValue()));
    }

    @Test
    void higherOriginPatternsDoNotInheritLowerStar() {
        CorsPolicy p = resolve(method(options().originPatterns("https://[a-z]+\\.example\\.com")), type(options().origins("*")));
        assertThat("origins * of the class is not inherited", p.origins().any(), is(false));
        assertThat("an origin outside the pattern is refused", p.origins().allows("https://evil.net", null), is(false));
        assertThat("an origin the pattern accepts", p.origins().allows("https://app.example.com", null), is(true));
    }

    @Test
    void higherOriginPatternsDoNotInheritTheDefaultStar() {
        CorsPolicy p = resolve(rule(options().originPatterns("https://app\\.example\\.com")));
        assertThat("the default * is replaced by the patterns", p.origins().any(), is(false));
        assertThat("an origin outside the pattern is refused", p.origins().allows("https://evil.net", null), is(false));
    }

    @Test
    void higherCompiledOriginPatternsDoNotInheritLowerOrigins() {
        CorsPolicy p = resolve(method(options().originPatterns(Pattern.compile("https://a\\.com"))),
                type(options().origins("https://b.com")));
        assertThat("the compiled pattern", p.origins().allows("https://a.com", null), is(true));
        assertThat("the class's listed origin is replaced", p.origins().allows("https://b.com", null), is(false));
    }

    @Test
    void higherPredicateDoesNotInheritLowerOrigins() {
        CorsPolicy p = resolve(method(options().originPredicate(o -> o.equals("https://db.com"))),
                type(options().origins("*")));
        assertThat("the predicate decides", p.origins().allows("https://db.com", null), is(true));
        assertThat("the class's * is replaced", p.origins().allows("https://other.com", null), is(false));
        assertThat("not any", p.origins().any(), is(false));
    }

    @Test
    void higherOriginsDoNotInheritLowerPatternsNorPredicate() {
        CorsPolicy p = resolve(method(options().origins(APP)),
                type(options().originPatterns(".*").originPredicate(o -> true)));
        assertThat("the method's origin", p.origins().allows(APP, null), is(true));
        assertThat("the class's patterns and predicate are replaced", p.origins().allows("https://evil.net", null), is(false));
        assertThat("no patterns inherited", p.origins().patterns().all(), is(empty()));
        assertThat("no predicate inherited", p.origins().predicate(), is(nullValue()));
    }

    @Test
    void originFormsOfOneLayerAddUp() {
        CorsPolicy p = resolve(method(options().origins(APP).originPatterns("https://p\\.com")
                .originPredicate(o -> o.equals("https://db.com"))));
        assertThat("listed", p.origins().allows(APP, null), is(true));
        assertThat("pattern", p.origins().allows("https://p.com", null), is(true));
        assertThat("predicate", p.origins().allows("https://db.com", null), is(true));
        assertThat("none of them", p.origins().allows("https://x.com", null), is(false));
    }

    @Test
    void higherAllowHeaderPatternsDoNotInheritLowerAllowHeaders() {
        CorsPolicy p = resolve(method(options().allowHeaderPatterns("x-app-.*")), type(options().allowHeaders("*")));
        assertThat("allowHeaders * of the class is not inherited", p.allowHeaders().any(), is(false));
        assertThat("a header outside the pattern is refused", p.allowHeaders().allows("x-other"), is(false));
        assertThat("a header the pattern accepts", p.allowHeaders().allows("x-app-id"), is(true));
    }

    @Test
    void higherAllowHeaderPatternsDoNotInheritTheDefaultStar() {
        CorsPolicy p = resolve(rule(options().allowHeaderPatterns("x-app-.*")));
        assertThat("the default * is replaced by the patterns", p.allowHeaders().any(), is(false));
        assertThat("a header outside the pattern is refused", p.allowHeaders().allows("authorization"), is(false));
    }

    @Test
    void higherAllowHeadersDoNotInheritLowerAllowHeaderPatterns() {
        CorsPolicy p = resolve(method(options().allowHeaders("X-A")), type(options().allowHeaderPatterns(".*")));
        assertThat("the method's header", p.allowHeaders().allows("x-a"), is(true));
        assertThat("the class's pattern is replaced", p.allowHeaders().allows("x-b"), is(false));
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("sendWildcard", (Flag) (b, v) -> b.sendWildcard(v), (Read) CorsPolicy::sendWildcard),
                Arguments.of("varyHeader", (Flag) (b, v) -> b.varyHeader(v), (Read) CorsPolicy::varyHeader),
                Arguments.of("allowPrivateNetwork", (Flag) (b, v) -> b.origins(APP).allowPrivateNetwork(v),
                        (Read) CorsPolicy::allowPrivateNetwork),
                Arguments.of("automaticOptions", (Flag) (b, v) -> b.automaticOptions(v), (Read) CorsPolicy::automaticOptions),
                Arguments.of("interceptExceptions", (Flag) (b, v) -> b.interceptExceptions(v), (Read) CorsPolicy::interceptExceptions),
                Arguments.of("rejectDisallowedOrigins", (Flag) (b, v) -> b.rejectDisallowedOrigins(v),
                        (Read) CorsPolicy::rejectDisallowedOrigins));
    }

    interface Flag {
        void set(CorsOptions.Builder b, boolean value);
    }

    interface Read {
        boolean get(CorsPolicy p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void highestLayerThatSetsAFlagWins(String name, Flag flag, Read read) {
        for (boolean value : new boolean[] {true, false}) {
            CorsOptions.Builder high = options();
            CorsOptions.Builder low = options();
            flag.set(high, value);
            flag.set(low, !value);
            assertThat(name + ": the method's " + value + " over the class's " + !value,
                    read.get(resolve(method(high), type(low))), is(value));
            assertThat(name + ": the class's " + value + " where the method leaves it unset",
                    read.get(resolve(method(options()), type(high))), is(value));
        }
    }

    @Test
    void highestLayerThatSetsMaxAgeWins() {
        assertThat("the method's 0 over the class's 600 (0 is a value, not \"unset\")",
                resolve(method(options().maxAge(0)), type(options().maxAge(600))).maxAge(), is(0L));
        assertThat("the class's value where the method leaves it unset",
                resolve(method(options()), type(options().maxAge(Duration.ofMinutes(5)))).maxAge(), is(300L));
    }

    @Test
    void highestLayerThatSetsCredentialsWins() {
        assertThat("the method's false over the class's true",
                resolve(method(options().supportsCredentials(false)), type(options().origins(APP).supportsCredentials(true)))
                        .supportsCredentials(), is(false));
    }

    @Test
    void credentialsWithListedOriginsAboveALowerStarAreAccepted() {
        CorsPolicy p = resolve(method(options().origins(APP)), type(options().supportsCredentials(true)), rule(options().origins("*")));
        assertThat("the method's listed origins replace the rule's *", p.origins().any(), is(false));
        assertThat("credentials from the class", p.supportsCredentials(), is(true));
    }

    @Test
    void originsAreStoredInLowerCaseAndWildcardsApart() {
        CorsPolicy p = resolve(method(options().origins("HTTPS://App.Example.COM", "https://*.example.org", "null")));
        assertThat("exact origins lower-cased", p.origins().exact(), is(Set.of("https://app.example.com")));
        assertThat("one wildcard", p.origins().wildcards().size(), is(1));
        assertThat("null listed", p.origins().allowNull(), is(true));
    }

    @ParameterizedTest
    @CsvSource({
        "http://[::1]:8080,             http://[::1]:8080",
        "http://[::1],                  http://[::1]",
        "https://app.example.com:8443,  https://app.example.com:8443",
        "chrome-extension://abc,        chrome-extension://abc",
        "https://*.example.com,         https://a.example.com",
        "https://*.example.com:8443,    https://a.b.example.com:8443",
        "*,                             https://any.example.net",
        "null,                          null",
        "http://localhost,              http://localhost",
        "http://localhost:*,            http://localhost:5173",
        "http://localhost:*,            http://localhost",
        "HTTP://LocalHost:*,            http://localhost:8080",
        "http://[::1]:*,                http://[::1]:8080",
        "http://127.0.0.1:*,            http://127.0.0.1:3000",
        "https://*.example.com:*,       https://a.example.com:8443",
        "HTTPS://*.Example.COM:*,       https://a.example.com"
    })
    void wellFormedOriginEntriesAreAccepted(String entry, String allowed) {
        CorsPolicy p = resolve(method(options().origins(entry)));
        assertThat(entry + " is accepted and allows " + allowed, p.origins().allows(allowed, null), is(true));
    }

    // ---------------------------------------------------------------- startup errors

    @Test
    void credentialsWithStarInTheSameLayerFail() {
        String message = failure(method(options().origins("*").supportsCredentials(true)));
        assertThat("names the target, both settings, their source, and the fix", message, allOf(
                containsString(TARGET),
                containsString("supportsCredentials"),
                containsString("origins \"*\""),
                containsString(METHOD_SOURCE),
                containsString("List the origins or use originPatterns")));
    }

    @Test
    void credentialsWithStarAmongListedOriginsFail() {
        String message = failure(method(options().origins(APP, "*").supportsCredentials(true)));
        assertThat("a * among other origins is still *", message, containsString("supportsCredentials"));
    }

    @Test
    void credentialsOverALowerLayersStarFail() {
        String message = failure(method(options().supportsCredentials(true)), type(options().origins("*")));
        assertThat("names the method where credentials are set and the class where * comes from", message, allOf(
                containsString(TARGET),
                containsString("supportsCredentials"),
                containsString("(from " + METHOD_SOURCE + ")"),
                containsString("(from " + CLASS_SOURCE + ")"),
                containsString("List the origins or use originPatterns")));
    }

    @Test
    void credentialsOverTheDefaultStarFail() {
        String message = failure(rule(options().supportsCredentials(true)));
        assertThat("the default * is named as coming from the defaults", message, allOf(
                containsString("supportsCredentials"),
                containsString("(from " + RULE_SOURCE + ")"),
                containsString("(from defaults)"),
                containsString("List the origins or use originPatterns")));
    }

    @Test
    void classStarUnderMethodCredentialsThroughARuleFails() {
        String message = failure(method(options().supportsCredentials(true)), type(options().methods("GET")),
                rule(options().origins("*")));
        assertThat("the merged policy is validated, wherever * comes from", message,
                containsString("(from " + RULE_SOURCE + ")"));
    }

    @Test
    void exposeHeadersStarWithCredentialsFails() {
        String message = failure(method(options().origins(APP).supportsCredentials(true).exposeHeaders("*")));
        assertThat("names the target, the settings, the source, and the fix", message, allOf(
                containsString(TARGET),
                containsString("exposeHeaders \"*\""),
                containsString("supportsCredentials"),
                containsString(METHOD_SOURCE),
                containsString("List the response headers to expose")));
    }

    @Test
    void exposeHeadersStarFromALowerLayerWithCredentialsFails() {
        String message = failure(method(options().origins(APP).supportsCredentials(true)), rule(options().exposeHeaders("X-A", "*")));
        assertThat("names where the * comes from", message, allOf(
                containsString("exposeHeaders \"*\""),
                containsString("(from " + RULE_SOURCE + ")"),
                containsString("(from " + METHOD_SOURCE + ")")));
    }

    @Test
    void exposeHeadersStarWithoutCredentialsIsAccepted() {
        assertThat("a literal * is fine without credentials", resolve(method(options().exposeHeaders("*"))).exposeHeaders(),
                is("*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[a-z", "https://(.*\\.example\\.com", "a{2,1}", "\\"})
    void invalidOriginPatternFails(String regex) {
        String message = failure(method(options().originPatterns(regex)));
        assertThat("names the target, the setting, the entry, the source and the problem", message, allOf(
                containsString(TARGET),
                containsString("originPatterns"),
                containsString("\"" + regex + "\""),
                containsString(METHOD_SOURCE),
                containsString("not a valid Java regular expression")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "x-[", "*", "x{3,2}"})
    void invalidAllowHeaderPatternFails(String regex) {
        String message = failure(type(options().allowHeaderPatterns(regex)));
        assertThat("names the target, the setting, the entry, the source and the problem", message, allOf(
                containsString(TARGET),
                containsString("allowHeaderPatterns"),
                containsString("\"" + regex + "\""),
                containsString(CLASS_SOURCE),
                containsString("not a valid Java regular expression")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET POST", "GET,POST", "GET, POST", "", " GET", "PUT\r\n", "G(E)T", "DÉLÉTE"})
    void nonTokenMethodFails(String entry) {
        String message = failure(method(options().methods("GET", entry)));
        assertThat("names the target, the setting, the entry, the source and the fix", message, allOf(
                containsString(TARGET),
                containsString("methods entry \"" + entry + "\""),
                containsString(METHOD_SOURCE),
                containsString("not an HTTP method token"),
                containsString("Use method names such as GET or PUT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Custom", "X-A,X-B", "X-A, X-B", "", "X-A:", "X-A\n", "Ünicode"})
    void nonTokenAllowHeaderFails(String entry) {
        String message = failure(method(options().allowHeaders("Content-Type", entry)));
        assertThat("names the target, the setting, the entry, the source and the fix", message, allOf(
                containsString(TARGET),
                containsString("allowHeaders entry \"" + entry + "\""),
                containsString(METHOD_SOURCE),
                containsString("not an HTTP header name"),
                containsString("one header name per entry")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Total", "X-A,X-B", "", "X-A:", "X-A\r\n"})
    void nonTokenExposeHeaderFails(String entry) {
        String message = failure(rule(options().exposeHeaders("X-Total", entry)));
        assertThat("names the target, the setting, the entry, the source and the fix", message, allOf(
                containsString(TARGET),
                containsString("exposeHeaders entry \"" + entry + "\""),
                containsString(RULE_SOURCE),
                containsString("not an HTTP header name"),
                containsString("one header name per entry")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://a.com/",
        "https://a.com/path",
        "https://a.com?q",
        "https://a.com#f",
        "https://u@a.com",
        "a.com",
        "https://a.com,https://b.com",
        "https://a.com, https://b.com",
        "",
        " https://a.com",
        "https://a.com:99999",
        "https://",
        "https://*.example.com/",
        "https://*.example.com/path",
        "*.example.com",
        "https://*",
        "https://*.",
        "https://a.*.example.com",
        "https://*example.com",
        "http://[::1]/",
        "NULL",
        "**",
        "*:*",
        "http://*:*",
        "http://:*",
        "http://localhost:8080:*",
        "http://localhost:*/",
        "http://localhost:**",
        "http://localhost*",
        "http://localhost:8*",
        "http://localhost:*8080",
        "https://*.example.com:8443:*",
        "https://*.com:*",
        "https://*.example.com:*/",
        "http://u@localhost:*"
    })
    void badOriginEntryFails(String entry) {
        String message = failure(method(options().origins(APP, entry)));
        assertThat("names the target, the setting, the entry, the source and the fix", message, allOf(
                containsString(TARGET),
                containsString("origins entry \"" + entry + "\""),
                containsString(METHOD_SOURCE),
                containsString("is not an origin"),
                containsString("scheme://host[:port]"),
                containsString("originPatterns")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://localhost:[*]          | http://localhost:*",
        "http://localhost:[8080,8081]  | http://localhost:*",
        "https://*.example.com:[*]     | https://*.example.com:*"
    })
    void springPortListFailsNamingTheEquivalent(String entry, String equivalent) {
        String message = failure(method(options().origins(entry)));
        assertThat("names the entry, the source and the form to write instead", message, allOf(
                containsString(TARGET),
                containsString("origins entry \"" + entry + "\" (from " + METHOD_SOURCE + ")"),
                containsString("uses Spring's port list syntax"),
                containsString("Write " + equivalent + " for any port, or list each origin with its port.")));
    }

    @Test
    void portWildcardsWithCredentialsAreAcceptedBecauseTheirHostMatchesNoOtherSite() {
        CorsPolicy p = resolve(method(options().origins("http://localhost:*", "https://*.example.com:*", "http://[::1]:*")
                .supportsCredentials(true).allowPrivateNetwork(true)));
        assertThat("credentials are kept", p.supportsCredentials(), is(true));
        assertThat("private network access is kept", p.allowPrivateNetwork(), is(true));
        for (String canary : PolicyResolver.ANY_ORIGIN_CANARIES) {
            assertThat("a port wildcard's host is concrete or a subdomain wildcard: it never matches " + canary,
                    p.origins().allows(canary, null), is(false));
        }
    }

    // ---------------------------------------------------------------- allowPrivateNetwork

    @Test
    void privateNetworkWithStarInTheSameLayerFails() {
        String message = failure(method(options().origins("*").allowPrivateNetwork(true)));
        assertThat("names the target, both settings, their source, why and the fix", message, is("CORS configuration error in "
                + TARGET + ": allowPrivateNetwork=true (from " + METHOD_SOURCE + ") cannot be combined with origins \"*\" (from "
                + METHOD_SOURCE + ") (it would let every website reach this server on the private network through its visitors' "
                + "browsers). List the origins that need to reach this server, or leave allowPrivateNetwork off."));
    }

    @Test
    void privateNetworkOverTheDefaultStarFails() {
        String message = failure(rule(options().allowPrivateNetwork(true)));
        assertThat("the default * is named as coming from the defaults", message, allOf(
                containsString("allowPrivateNetwork=true (from " + RULE_SOURCE + ")"),
                containsString("origins \"*\" (from defaults)"),
                containsString("leave allowPrivateNetwork off")));
    }

    @Test
    void privateNetworkOverALowerLayersStarFails() {
        String message = failure(method(options().allowPrivateNetwork(true)), type(options().methods("PUT")), rule(options().origins("*")));
        assertThat("the merged policy is validated, wherever * comes from", message, allOf(
                containsString("allowPrivateNetwork=true (from " + METHOD_SOURCE + ")"),
                containsString("origins \"*\" (from " + RULE_SOURCE + ")")));
    }

    @Test
    void privateNetworkWithTheNullOriginFails() {
        String message = failure(method(options().origins(APP, "null")), type(options().allowPrivateNetwork(true)));
        assertThat("null opens the private network to every site too", message, is("CORS configuration error in " + TARGET
                + ": allowPrivateNetwork=true (from " + CLASS_SOURCE + ") cannot be combined with origins \"null\" (from "
                + METHOD_SOURCE + ") (any site can send Origin: null from a sandboxed iframe, so this would open the private "
                + "network to every site). List the origins that need to reach this server, or leave allowPrivateNetwork off."));
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "https?://.*", "https://.+", "https://[^/]+", "(?s).*", "https://.*\\.invalid"})
    void privateNetworkWithAPatternThatMatchesAnySiteFails(String pattern) {
        String message = failure(method(options().originPatterns(APP.replace(".", "\\."), pattern).allowPrivateNetwork(true)));
        assertThat("names the pattern, the canary it matched, and the fix", message, allOf(
                containsString(TARGET),
                containsString("allowPrivateNetwork=true (from " + METHOD_SOURCE + ") cannot be combined with originPatterns entry \""
                        + pattern + "\" (from " + METHOD_SOURCE + "): it matches "),
                containsString(".invalid, so it would open the private network to every site."),
                containsString("Anchor the pattern to your own domains, or leave allowPrivateNetwork off.")));
    }

    static Stream<Arguments> privateNetworkAccepted() {
        return Stream.of(
                Arguments.of("listed origins", options().origins(APP, "https://*.example.org").allowPrivateNetwork(true)),
                Arguments.of("an anchored pattern", options().originPatterns("https://[a-z]+\\.example\\.com").allowPrivateNetwork(true)),
                Arguments.of("a predicate (decided per request, not checkable at startup)",
                        options().originPredicate(o -> true).allowPrivateNetwork(true)),
                Arguments.of("origins * with the option off", options().origins("*").allowPrivateNetwork(false)),
                Arguments.of("origins null with the option off", options().origins("null").allowPrivateNetwork(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateNetworkAccepted")
    void privateNetworkWithOriginsThatDoNotMatchEverySiteIsAccepted(String why, CorsOptions.Builder options) {
        CorsPolicy p = resolve(method(options));
        assertThat(why + " starts", p.source(), is(TARGET));
    }

    @Test
    void privateNetworkOffAboveALowerLayersOnIsAcceptedWithStar() {
        CorsPolicy p = resolve(method(options().allowPrivateNetwork(false)), type(options().allowPrivateNetwork(true)));
        assertThat("the method's false wins, so origins * is fine", p.allowPrivateNetwork(), is(false));
    }

    // ---------------------------------------------------------------- maxAge above the browsers' caps

    @ParameterizedTest
    @ValueSource(longs = {7201, 86_400, Long.MAX_VALUE})
    void maxAgeAboveChromiumsCapLogsOneWarningNamingTheCaps(long seconds) {
        try (LogCapture log = new LogCapture()) {
            CorsPolicy p = resolve(method(options().origins(APP)), type(options().maxAge(seconds)));
            assertThat("the value is still sent as configured", p.maxAge(), is(seconds));
            assertThat("one WARNING", log.messages(Level.WARNING), is(List.of("CORS configuration in " + TARGET
                    + ": maxAge=" + seconds + " (from " + CLASS_SOURCE + ") is longer than browsers keep a preflight answer: "
                    + "Chromium caps Access-Control-Max-Age at 7200 seconds and WebKit at 600, so preflights are repeated sooner "
                    + "than the setting says. Use 7200 or less (600 caches equally long in every browser).")));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 600, 3600, 7200})
    void maxAgeWithinChromiumsCapLogsNoWarning(long seconds) {
        try (LogCapture log = new LogCapture()) {
            resolve(method(options().maxAge(seconds)));
            assertThat("no WARNING for " + seconds + " s", log.messages(Level.WARNING), is(empty()));
        }
    }

    @Test
    void maxAgeSettingIsWarnedAboutOnceHoweverManyPoliciesItReaches() {
        Layer appWide = new Layer(options().maxAge(Duration.ofDays(1)).build(), "CorsFeature.builder()");
        try (LogCapture log = new LogCapture()) {
            PolicyResolver.resolve("UserResource#list", List.of(appWide));
            PolicyResolver.resolve("UserResource#get", List.of(new Layer(options().methods("GET").build(), METHOD_SOURCE), appWide));
            PolicyResolver.resolve("every resource", List.of(appWide));
            assertThat("one WARNING for the one setting, naming the first target", log.messages(Level.WARNING)
                    .stream().map(m -> m.substring(0, m.indexOf(" is longer"))).toList(),
                    is(List.of("CORS configuration in UserResource#list: maxAge=86400 (from CorsFeature.builder())")));
        }
    }

    @Test
    void maxAgeOverriddenBelowTheCapIsNotWarnedAbout() {
        try (LogCapture log = new LogCapture()) {
            resolve(method(options().maxAge(600)), type(options().maxAge(86_400)));
            assertThat("the resolved value is what counts", log.messages(Level.WARNING), is(empty()));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -2, Long.MIN_VALUE})
    void negativeMaxAgeFails(long seconds) {
        String message = failure(method(options().maxAge(seconds)));
        assertThat("names the target, the setting, the source and the fix", message, allOf(
                containsString(TARGET),
                containsString("maxAge=" + seconds),
                containsString(METHOD_SOURCE),
                containsString("negative"),
                containsString("Use 0")));
    }

    @Test
    void negativeDurationMaxAgeFails() {
        String message = failure(type(options().maxAge(Duration.ofSeconds(-30))));
        assertThat("a negative Duration too", message, allOf(containsString("maxAge=-30"), containsString(CLASS_SOURCE)));
    }

    @Test
    void errorMessagesAreFullSentencesNamingTheTargetFirst() {
        List<String> messages = new ArrayList<>();
        messages.add(failure(method(options().origins("*").supportsCredentials(true))));
        messages.add(failure(method(options().methods("A B"))));
        messages.add(failure(method(options().origins("a.com"))));
        messages.add(failure(method(options().maxAge(-1))));
        messages.add(failure(method(options().origins("http://localhost:[*]"))));
        messages.add(failure(method(options().allowPrivateNetwork(true))));
        messages.add(failure(method(options().origins("null").allowPrivateNetwork(true))));
        messages.add(failure(method(options().originPatterns(".*").allowPrivateNetwork(true))));
        for (String m : messages) {
            assertThat("starts by saying where: " + m, m.startsWith("CORS configuration error in " + TARGET + ": "), is(true));
            assertThat("ends as a sentence: " + m, m.endsWith("."), is(true));
        }
    }
}
