package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code jaxrs.cors.*} properties layer: every value form, and errors that name the key. */
@Tag("unit")
class PropertyReaderTest {

    private static CorsOptions read(String key, Object value) {
        return PropertyReader.read(Map.of(key, value)).options();
    }

    private static CorsPolicy resolve(Map<String, Object> properties) {
        return PolicyResolver.resolve("every resource", List.of(PropertyReader.read(properties)));
    }

    private static String readFailure(String key, Object value) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PropertyReader.read(Map.of(key, value)),
                "a value of the wrong type or form must fail startup");
        return e.getMessage();
    }

    private static String resolveFailure(Map<String, Object> properties) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolve(properties),
                "the configuration must fail at startup");
        return e.getMessage();
    }

    // ---------------------------------------------------------------- keys

    @ParameterizedTest
    @CsvSource({
        "origins,                  jaxrs.cors.origins",
        "originPatterns,           jaxrs.cors.origin-patterns",
        "methods,                  jaxrs.cors.methods",
        "allowHeaders,             jaxrs.cors.allow-headers",
        "allowHeaderPatterns,      jaxrs.cors.allow-header-patterns",
        "exposeHeaders,            jaxrs.cors.expose-headers",
        "supportsCredentials,      jaxrs.cors.supports-credentials",
        "maxAge,                   jaxrs.cors.max-age",
        "sendWildcard,             jaxrs.cors.send-wildcard",
        "varyHeader,               jaxrs.cors.vary-header",
        "allowPrivateNetwork,      jaxrs.cors.allow-private-network",
        "automaticOptions,         jaxrs.cors.automatic-options",
        "interceptExceptions,      jaxrs.cors.intercept-exceptions",
        "rejectDisallowedOrigins,  jaxrs.cors.reject-disallowed-origins",
        "crossSiteProtection,      jaxrs.cors.cross-site-protection",
        "rejectDisallowedOriginsReportOnly, jaxrs.cors.reject-disallowed-origins-report-only",
        "crossSiteProtectionReportOnly,     jaxrs.cors.cross-site-protection-report-only",
        "publicOrigins,            jaxrs.cors.public-origins",
        "trustForwardedHeaders,    jaxrs.cors.trust-forwarded-headers"
    })
    void keyOfAnOptionIsItsKebabCasePropertyName(String option, String key) {
        assertThat("the property key of " + option, Layer.propertyKey(option), is(key));
    }

    @Test
    void keysOfTheOptionsAreThePublicConstants() {
        Map<String, String> constants = Map.ofEntries(
                Map.entry("origins", CorsProperties.ORIGINS),
                Map.entry("originPatterns", CorsProperties.ORIGIN_PATTERNS),
                Map.entry("methods", CorsProperties.METHODS),
                Map.entry("allowHeaders", CorsProperties.ALLOW_HEADERS),
                Map.entry("allowHeaderPatterns", CorsProperties.ALLOW_HEADER_PATTERNS),
                Map.entry("exposeHeaders", CorsProperties.EXPOSE_HEADERS),
                Map.entry("supportsCredentials", CorsProperties.SUPPORTS_CREDENTIALS),
                Map.entry("maxAge", CorsProperties.MAX_AGE),
                Map.entry("sendWildcard", CorsProperties.SEND_WILDCARD),
                Map.entry("varyHeader", CorsProperties.VARY_HEADER),
                Map.entry("allowPrivateNetwork", CorsProperties.ALLOW_PRIVATE_NETWORK),
                Map.entry("automaticOptions", CorsProperties.AUTOMATIC_OPTIONS),
                Map.entry("interceptExceptions", CorsProperties.INTERCEPT_EXCEPTIONS),
                Map.entry("rejectDisallowedOrigins", CorsProperties.REJECT_DISALLOWED_ORIGINS),
                Map.entry("crossSiteProtection", CorsProperties.CROSS_SITE_PROTECTION),
                Map.entry("rejectDisallowedOriginsReportOnly", CorsProperties.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY),
                Map.entry("crossSiteProtectionReportOnly", CorsProperties.CROSS_SITE_PROTECTION_REPORT_ONLY),
                Map.entry("publicOrigins", CorsProperties.PUBLIC_ORIGINS),
                Map.entry("trustForwardedHeaders", CorsProperties.TRUST_FORWARDED_HEADERS));
        constants.forEach((option, constant) -> assertThat("messages name the key users set for " + option,
                Layer.propertyKey(option), is(constant)));
    }

    // ---------------------------------------------------------------- list forms

    /** Each list key with the CorsOptions field it fills. */
    static Stream<Arguments> listKeys() {
        return Stream.of(
                Arguments.of(CorsProperties.ORIGINS, (Function<CorsOptions, List<String>>) o -> o.get(Option.ORIGINS),
                        List.of("https://a.com", "https://b.com")),
                Arguments.of(CorsProperties.ORIGIN_PATTERNS, (Function<CorsOptions, List<String>>) o -> o.get(Option.ORIGIN_PATTERNS).regexes(),
                        List.of("https://a\\.com", "https://[a-z]+\\.b\\.com")),
                Arguments.of(CorsProperties.METHODS, (Function<CorsOptions, List<String>>) o -> o.get(Option.METHODS), List.of("GET", "PUT")),
                Arguments.of(CorsProperties.ALLOW_HEADERS, (Function<CorsOptions, List<String>>) o -> o.get(Option.ALLOW_HEADERS),
                        List.of("Content-Type", "X-Custom")),
                Arguments.of(CorsProperties.ALLOW_HEADER_PATTERNS, (Function<CorsOptions, List<String>>) o -> o.get(Option.ALLOW_HEADER_PATTERNS),
                        List.of("x-app-.*", "x-tenant")),
                Arguments.of(CorsProperties.EXPOSE_HEADERS, (Function<CorsOptions, List<String>>) o -> o.get(Option.EXPOSE_HEADERS),
                        List.of("X-Total", "X-Page")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listKeys")
    void listFromCommaSeparatedStringWithSpaces(String key, Function<CorsOptions, List<String>> field, List<String> entries) {
        String value = "  " + String.join(" ,  ", entries) + " , ";
        assertThat(key + " = \"" + value + "\"", field.apply(read(key, value)), is(entries));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listKeys")
    void listFromStringArray(String key, Function<CorsOptions, List<String>> field, List<String> entries) {
        assertThat(key + " as String[]", field.apply(read(key, entries.toArray(String[]::new))), is(entries));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listKeys")
    void listFromCollection(String key, Function<CorsOptions, List<String>> field, List<String> entries) {
        assertThat(key + " as a List", field.apply(read(key, new ArrayList<>(entries))), is(entries));
        assertThat(key + " as a Set", field.apply(read(key, new LinkedHashSet<>(entries))), is(entries));
    }

    @Test
    void singleEntryStringIsOneEntry() {
        assertThat("one origin", read(CorsProperties.ORIGINS, "https://a.com").get(Option.ORIGINS), is(List.of("https://a.com")));
    }

    @Test
    void commaSeparatedOriginsAreAllowedOnceResolved() {
        CorsPolicy p = resolve(Map.of(CorsProperties.ORIGINS, "https://a.com, https://b.com"));
        assertThat("the first origin", p.origins().allows("https://a.com", null), is(true));
        assertThat("the second origin", p.origins().allows("https://b.com", null), is(true));
        assertThat("not the default *", p.origins().any(), is(false));
    }

    @Test
    void onlyTheStringFormIsSplitOnCommas() {
        String entry = "https://a.com,https://b.com";
        assertThat("a String[] entry is one origin", read(CorsProperties.ORIGINS, new String[] {entry}).get(Option.ORIGINS), is(List.of(entry)));
        assertThat("a Collection entry is one origin", read(CorsProperties.ORIGINS, List.of(entry)).get(Option.ORIGINS), is(List.of(entry)));
        String message = resolveFailure(Map.of(CorsProperties.ORIGINS, new String[] {entry}));
        assertThat("that entry is then a bad origin, named with its key", message, allOf(
                containsString("origins entry \"" + entry + "\""),
                containsString("property jaxrs.cors.origins")));
    }

    @Test
    void stringArrayIsCopied() {
        String[] array = {"GET"};
        CorsOptions options = read(CorsProperties.METHODS, array);
        array[0] = "DELETE";
        assertThat("a later change to the array does not reach the options", options.get(Option.METHODS), is(List.of("GET")));
    }

    // ---------------------------------------------------------------- flag forms

    /** Each flag key with the resolved policy flag it sets. */
    static Stream<Arguments> flagKeys() {
        return Stream.of(
                Arguments.of(CorsProperties.SEND_WILDCARD, (Predicate<CorsPolicy>) CorsPolicy::sendWildcard),
                Arguments.of(CorsProperties.VARY_HEADER, (Predicate<CorsPolicy>) CorsPolicy::varyHeader),
                Arguments.of(CorsProperties.ALLOW_PRIVATE_NETWORK, (Predicate<CorsPolicy>) CorsPolicy::allowPrivateNetwork),
                Arguments.of(CorsProperties.AUTOMATIC_OPTIONS, (Predicate<CorsPolicy>) CorsPolicy::automaticOptions),
                Arguments.of(CorsProperties.INTERCEPT_EXCEPTIONS, (Predicate<CorsPolicy>) CorsPolicy::interceptExceptions),
                Arguments.of(CorsProperties.REJECT_DISALLOWED_ORIGINS, (Predicate<CorsPolicy>) CorsPolicy::rejectDisallowedOrigins),
                Arguments.of(CorsProperties.CROSS_SITE_PROTECTION, (Predicate<CorsPolicy>) CorsPolicy::crossSiteProtection),
                Arguments.of(CorsProperties.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY,
                        (Predicate<CorsPolicy>) CorsPolicy::rejectDisallowedOriginsReportOnly),
                Arguments.of(CorsProperties.CROSS_SITE_PROTECTION_REPORT_ONLY, (Predicate<CorsPolicy>) CorsPolicy::crossSiteProtectionReportOnly),
                Arguments.of(CorsProperties.SUPPORTS_CREDENTIALS, (Predicate<CorsPolicy>) CorsPolicy::supportsCredentials));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagKeys")
    void flagFromBooleanOrTrueFalseString(String key, Predicate<CorsPolicy> flag) {
        for (Object value : List.of(Boolean.TRUE, Boolean.FALSE, "true", "false")) {
            Map<String, Object> properties = new HashMap<>();
            // Credentials need listed origins; listing them changes no flag.
            properties.put(CorsProperties.ORIGINS, "https://a.com");
            properties.put(key, value);
            boolean expected = value.equals(Boolean.TRUE) || value.equals("true");
            assertThat(key + " = " + value + " (" + value.getClass().getSimpleName() + ")", flag.test(resolve(properties)),
                    is(expected));
        }
    }

    // ---------------------------------------------------------------- max age forms

    static Stream<Arguments> maxAgeForms() {
        return Stream.of(
                Arguments.of("Integer", 600),
                Arguments.of("Long", 600L),
                Arguments.of("Short", (short) 600),
                Arguments.of("whole Double", 600.0d),
                Arguments.of("BigInteger", BigInteger.valueOf(600)),
                Arguments.of("BigDecimal", new BigDecimal("600")),
                Arguments.of("Duration", Duration.ofMinutes(10)),
                Arguments.of("String of seconds", "600"),
                Arguments.of("String of seconds with spaces", " 600 "),
                Arguments.of("ISO-8601 String", "PT10M"),
                Arguments.of("ISO-8601 String in seconds", "PT600S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maxAgeForms")
    void maxAgeFromNumberDurationOrString(String form, Object value) {
        assertThat("max age as " + form, read(CorsProperties.MAX_AGE, value).get(Option.MAX_AGE), is(600L));
        assertThat("sent as whole seconds", resolve(Map.of(CorsProperties.MAX_AGE, value)).maxAge(), is(600L));
    }

    @Test
    void maxAgeZeroIsKept() {
        assertThat("0 from a String", resolve(Map.of(CorsProperties.MAX_AGE, "0")).maxAge(), is(0L));
        assertThat("0 from a Number", resolve(Map.of(CorsProperties.MAX_AGE, 0)).maxAge(), is(0L));
        assertThat("0 from a Duration", resolve(Map.of(CorsProperties.MAX_AGE, Duration.ZERO)).maxAge(), is(0L));
    }

    // ---------------------------------------------------------------- wrong types and forms

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("Integer for a list", CorsProperties.ORIGINS, 5),
                Arguments.of("Boolean for a list", CorsProperties.METHODS, Boolean.TRUE),
                Arguments.of("Object for a list", CorsProperties.ALLOW_HEADERS, new Object()),
                Arguments.of("Collection holding an Integer", CorsProperties.METHODS, List.of("GET", 5)),
                Arguments.of("Collection holding a Pattern", CorsProperties.ORIGIN_PATTERNS,
                        List.of(java.util.regex.Pattern.compile("x"))),
                Arguments.of("Integer[] for a list", CorsProperties.EXPOSE_HEADERS, new Integer[] {1}),
                Arguments.of("\"yes\" for a flag", CorsProperties.SUPPORTS_CREDENTIALS, "yes"),
                Arguments.of("\"1\" for a flag", CorsProperties.SEND_WILDCARD, "1"),
                Arguments.of("\"\" for a flag", CorsProperties.VARY_HEADER, ""),
                Arguments.of("Integer for a flag", CorsProperties.ALLOW_PRIVATE_NETWORK, 1),
                Arguments.of("String[] for a flag", CorsProperties.AUTOMATIC_OPTIONS, new String[] {"true"}),
                Arguments.of("\"10 minutes\" for max age", CorsProperties.MAX_AGE, "10 minutes"),
                Arguments.of("\"ten\" for max age", CorsProperties.MAX_AGE, "ten"),
                Arguments.of("\"\" for max age", CorsProperties.MAX_AGE, ""),
                Arguments.of("\"P10\" for max age", CorsProperties.MAX_AGE, "P10"),
                Arguments.of("fractional Double for max age", CorsProperties.MAX_AGE, 1.5d),
                Arguments.of("Boolean for max age", CorsProperties.MAX_AGE, Boolean.TRUE),
                Arguments.of("Object for max age", CorsProperties.MAX_AGE, new Object()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void valueOfWrongTypeOrFormFailsNamingTheKey(String why, String key, Object value) {
        String message = readFailure(key, value);
        assertThat(why + ": the message names the key", message,
                containsString("CORS configuration error in property " + key + ": the value "));
    }

    @Test
    void listErrorSaysWhichFormsWork() {
        assertThat("Integer for origins", readFailure(CorsProperties.ORIGINS, 5), allOf(
                containsString("jaxrs.cors.origins"),
                containsString("java.lang.Integer"),
                containsString("comma-separated String, a String[] or a Collection<String>")));
    }

    @Test
    void collectionErrorNamesTheOffendingElement() {
        assertThat("a Collection holding an Integer", readFailure(CorsProperties.METHODS, List.of("GET", 5)), allOf(
                containsString("jaxrs.cors.methods"),
                containsString("java.lang.Integer"),
                containsString("only Strings")));
    }

    @Test
    void flagErrorQuotesTheValue() {
        assertThat("\"yes\" for a flag", readFailure(CorsProperties.SUPPORTS_CREDENTIALS, "yes"), allOf(
                containsString("jaxrs.cors.supports-credentials"),
                containsString("\"yes\""),
                containsString("\"true\" or \"false\"")));
    }

    @Test
    void maxAgeErrorSaysWhichFormsWork() {
        assertThat("\"10 minutes\" for max age", readFailure(CorsProperties.MAX_AGE, "10 minutes"), allOf(
                containsString("jaxrs.cors.max-age"),
                containsString("\"10 minutes\""),
                containsString("PT10M")));
    }

    @ParameterizedTest
    @CsvSource({
        "jaxrs.cors.origin",
        "jaxrs.cors.allowed-origins",
        "jaxrs.cors.supportsCredentials",
        "jaxrs.cors.max_age",
        "jaxrs.cors.",
        "jaxrs.cors.ORIGINS"
    })
    void unknownJaxrsCorsKeyFailsNamingIt(String key) {
        Map<String, Object> properties = Map.of(key, "x", CorsProperties.METHODS, "GET");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PropertyReader.read(properties),
                "a misspelt key must not be ignored silently");
        assertThat("the message names the unknown key", e.getMessage(), allOf(
                containsString("property " + key + ":"),
                containsString("no such jaxrs-cors property")));
    }

    @Test
    void otherPropertiesAreIgnored() {
        Map<String, Object> properties = Map.of(
                "jersey.config.server.tracing.type", 5,
                "jaxrs.corsx.origins", new Object(),
                "jaxrs.Cors.origins", "x");
        CorsOptions options = PropertyReader.read(properties).options();
        assertThat("no option set by a foreign key", options.setsGroup(Option.ORIGINS), is(false));
        assertThat("no methods set", options.get(Option.METHODS), is(nullValue()));
    }

    @Test
    void noPropertiesSetNothing() {
        CorsPolicy p = resolve(Map.of());
        assertThat("the defaults show through: origins *", p.origins().any(), is(true));
        assertThat("the defaults show through: methods", p.allowMethods(), is("GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"));
    }

    @Test
    void nullValueLeavesTheOptionUnset() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CorsProperties.ORIGINS, null);
        assertThat("a null value sets nothing", PropertyReader.read(properties).options().get(Option.ORIGINS), is(nullValue()));
    }

    // ---------------------------------------------------------------- the layer's source in resolver messages

    @Test
    void layerSourceIsThePropertiesLayer() {
        assertThat("the layer is named for messages", PropertyReader.read(Map.of()).source(), is(PropertyReader.SOURCE));
    }

    @Test
    void credentialsWithStarFromPropertiesNameBothKeys() {
        String message = resolveFailure(Map.of(CorsProperties.ORIGINS, "*", CorsProperties.SUPPORTS_CREDENTIALS, "true"));
        assertThat("names both property keys", message, allOf(
                containsString("(from property jaxrs.cors.supports-credentials)"),
                containsString("(from property jaxrs.cors.origins)"),
                containsString("List the origins or use originPatterns")));
    }

    @Test
    void badOriginFromPropertiesNamesTheKey() {
        String message = resolveFailure(Map.of(CorsProperties.ORIGINS, "https://a.com/"));
        assertThat("names the key", message, allOf(
                containsString("origins entry \"https://a.com/\""),
                containsString("(from property jaxrs.cors.origins)")));
    }

    @Test
    void badRegexFromPropertiesNamesTheKey() {
        assertThat("origin-patterns", resolveFailure(Map.of(CorsProperties.ORIGIN_PATTERNS, "(")),
                containsString("(from property jaxrs.cors.origin-patterns)"));
        assertThat("allow-header-patterns", resolveFailure(Map.of(CorsProperties.ALLOW_HEADER_PATTERNS, "[")),
                containsString("(from property jaxrs.cors.allow-header-patterns)"));
    }

    @Test
    void badTokensFromPropertiesNameTheKey() {
        assertThat("methods", resolveFailure(Map.of(CorsProperties.METHODS, new String[] {"GET POST"})),
                containsString("(from property jaxrs.cors.methods)"));
        assertThat("allow-headers", resolveFailure(Map.of(CorsProperties.ALLOW_HEADERS, List.of("X A"))),
                containsString("(from property jaxrs.cors.allow-headers)"));
        assertThat("expose-headers", resolveFailure(Map.of(CorsProperties.EXPOSE_HEADERS, "X:A")),
                containsString("(from property jaxrs.cors.expose-headers)"));
    }

    @Test
    void negativeMaxAgeFromPropertiesNamesTheKey() {
        assertThat("a negative String", resolveFailure(Map.of(CorsProperties.MAX_AGE, "-5")), allOf(
                containsString("maxAge=-5"),
                containsString("(from property jaxrs.cors.max-age)")));
        assertThat("a negative ISO-8601 String", resolveFailure(Map.of(CorsProperties.MAX_AGE, "-PT1M")),
                containsString("(from property jaxrs.cors.max-age)"));
    }

    @Test
    void exposeStarWithCredentialsFromPropertiesNamesBothKeys() {
        String message = resolveFailure(Map.of(CorsProperties.ORIGINS, "https://a.com", CorsProperties.EXPOSE_HEADERS, "*",
                CorsProperties.SUPPORTS_CREDENTIALS, Boolean.TRUE));
        assertThat("names both property keys", message, allOf(
                containsString("(from property jaxrs.cors.expose-headers)"),
                containsString("(from property jaxrs.cors.supports-credentials)")));
    }

    @Test
    void credentialsAboveAStarFromPropertiesNameTheBuilderAndTheKey() {
        Layer builder = new Layer(CorsOptions.builder().supportsCredentials(true).build(), "CorsFeature.builder()");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PolicyResolver.resolve("every resource",
                List.of(builder, PropertyReader.read(Map.of(CorsProperties.ORIGINS, "*")))));
        assertThat("names the builder and the property key", e.getMessage(), allOf(
                containsString("(from CorsFeature.builder())"),
                containsString("(from property jaxrs.cors.origins)")));
    }

    @Test
    void builderOptionsOverrideProperties() {
        Layer builder = new Layer(CorsOptions.builder().origins("https://builder.com").build(), "CorsFeature.builder()");
        CorsPolicy p = PolicyResolver.resolve("every resource",
                List.of(builder, PropertyReader.read(Map.of(CorsProperties.ORIGINS, "https://property.com", CorsProperties.MAX_AGE, 60))));
        assertThat("the builder's origins", p.origins().allows("https://builder.com", null), is(true));
        assertThat("the property's origins are replaced", p.origins().allows("https://property.com", null), is(false));
        assertThat("the property's max age where the builder leaves it unset", p.maxAge(), is(60L));
    }

    // ---------------------------------------------------------------- the server's own origin (application-wide)

    private static ServerOrigin serverOrigin(Map<String, Object> properties) {
        return PropertyReader.serverOrigin(null, null, properties);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicOriginForms")
    void publicOriginsFromEveryListFormAreLowerCased(String form, Object value) {
        assertThat(form, serverOrigin(Map.of(CorsProperties.PUBLIC_ORIGINS, value)).publicOrigins(),
                is(java.util.Set.of("https://api.example.com", "http://localhost:8080")));
    }

    static Stream<Arguments> publicOriginForms() {
        return Stream.of(
                Arguments.of("comma-separated String", " https://API.example.com , http://localhost:8080 "),
                Arguments.of("String[]", new String[] {"https://api.example.com", "http://localhost:8080"}),
                Arguments.of("Collection", List.of("https://api.example.com", "http://LOCALHOST:8080")));
    }

    @ParameterizedTest
    @CsvSource({
        "https://api.example.com/,        is not an origin",
        "https://*.example.com,           is not an origin",
        "*,                               is not an origin",
        "null,                            is not an origin",
        "http://localhost:*,              is not an origin",
        "https://api.example.com:443,     names its scheme's default port"
    })
    void badPublicOriginFromPropertiesNamesTheKey(String entry, String defect) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> serverOrigin(Map.of(CorsProperties.PUBLIC_ORIGINS, new String[] {entry})));
        assertThat(e.getMessage(), allOf(containsString("CORS configuration error in property jaxrs.cors.public-origins"),
                containsString("publicOrigins entry \"" + entry + "\""), containsString(defect)));
    }

    @Test
    void badPublicOriginFromTheBuilderNamesTheBuilder() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyReader.serverOrigin(List.of("api.example.com"), null, Map.of()));
        assertThat(e.getMessage(), allOf(containsString("CORS configuration error in CorsFeature.builder()"),
                containsString("publicOrigins entry \"api.example.com\" is not an origin")));
    }

    @Test
    void emptyPublicOriginsPropertyFailsNamingTheKey() {
        assertThat(readFailureOfServerOrigin(CorsProperties.PUBLIC_ORIGINS, " , "), allOf(
                containsString("property jaxrs.cors.public-origins"), containsString("is empty")));
    }

    @Test
    void trustForwardedHeadersFromBooleanOrString() {
        for (Object value : List.of(Boolean.TRUE, "true", " TRUE ")) {
            assertThat(value + " turns it on", serverOrigin(Map.of(CorsProperties.TRUST_FORWARDED_HEADERS, value))
                    .trustForwardedHeaders(), is(true));
        }
        assertThat("false leaves it off", serverOrigin(Map.of(CorsProperties.TRUST_FORWARDED_HEADERS, "false")).trustForwardedHeaders(),
                is(false));
        assertThat(readFailureOfServerOrigin(CorsProperties.TRUST_FORWARDED_HEADERS, "yes"),
                containsString("property jaxrs.cors.trust-forwarded-headers"));
    }

    @Test
    void builderServerOriginOverridesTheProperties() {
        Map<String, Object> properties = Map.of(CorsProperties.PUBLIC_ORIGINS, "https://old.example.com",
                CorsProperties.TRUST_FORWARDED_HEADERS, true);
        ServerOrigin s = PropertyReader.serverOrigin(List.of("https://api.example.com"), false, properties);
        assertThat("the builder's list replaces the property's", s.publicOrigins(), is(java.util.Set.of("https://api.example.com")));
        assertThat("the builder's flag wins", s.trustForwardedHeaders(), is(false));
    }

    @Test
    void withoutEitherSettingTheServerOriginIsTheRequestsOwn() {
        assertThat(serverOrigin(Map.of()), is(ServerOrigin.REQUEST_ONLY));
        assertThat("the properties layer still reads", PropertyReader.read(Map.of(CorsProperties.PUBLIC_ORIGINS, "https://a.com",
                CorsProperties.TRUST_FORWARDED_HEADERS, "true")).options().toString(), is("CorsOptions{}"));
    }

    private static String readFailureOfServerOrigin(String key, Object value) {
        return assertThrows(IllegalStateException.class, () -> serverOrigin(Map.of(key, value)),
                "a value of the wrong type or form must fail startup").getMessage();
    }
}
