package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LayerResources;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In-process tier: every option takes effect on the wire from each layer that can set it — the
 * method annotation, the class annotation, the {@link CorsFeature} builder and the
 * {@code jaxrs.cors.*} properties — each checked against what the defaults would answer.
 */
@Tag("in-process")
@Isolated
class OptionLayersTest {

    /** One option: how to set it on the builder and as a property, and what it must change on the wire. */
    record Option(String name, UnaryOperator<CorsFeature.Builder> builder, Map<String, Object> properties,
            Consumer<Target> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An application and the path of a resource whose policy sets the option. */
    record Target(InProcess app, String path) {
        Reply put(String... headers) {
            return app.send("PUT", path, headers);
        }

        Reply preflight(String origin, String method, String... more) {
            return app.preflight(path, origin, method, more);
        }
    }

    static final List<Option> OPTIONS = List.of(
        new Option("origins", b -> b.origins(APP), Map.of(CorsProperties.ORIGINS, APP), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
            assertThat("the default * would allow it", t.put("Origin", "https://other.example.com"),
                    allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        }),
        new Option("originPatterns", b -> b.originPatterns(LayerResources.ORIGIN_PATTERN),
                Map.of(CorsProperties.ORIGIN_PATTERNS, LayerResources.ORIGIN_PATTERN), t -> {
            assertThat(t.put("Origin", "https://toys.shop.example"),
                    allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "https://toys.shop.example"), varyIs("Origin")));
            assertThat("patterns alone never inherit the default *", t.put("Origin", "https://other.example.com"),
                    allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
            assertThat("whole match", t.put("Origin", "https://toys.shop.example.evil.net"),
                    allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        }),
        new Option("methods", b -> b.methods("PUT", "PATCH"), Map.of(CorsProperties.METHODS, "PUT, PATCH"), t -> {
            assertThat(t.preflight(APP, "PUT"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Methods", "PUT, PATCH"), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("allowHeaders", b -> b.allowHeaders("X-Token"), Map.of(CorsProperties.ALLOW_HEADERS, "X-Token"), t -> {
            assertThat(t.preflight(APP, "PUT", "Access-Control-Request-Headers", "X-TOKEN"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Headers", "x-token"), varyIs(PREFLIGHT_VARY)));
            assertThat("the default * would allow it", t.preflight(APP, "PUT", "Access-Control-Request-Headers", "x-other"),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("allowHeaderPatterns", b -> b.allowHeaderPatterns(LayerResources.HEADER_PATTERN),
                Map.of(CorsProperties.ALLOW_HEADER_PATTERNS, LayerResources.HEADER_PATTERN), t -> {
            assertThat(t.preflight(APP, "PUT", "Access-Control-Request-Headers", "X-Trace-Id"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Headers", "x-trace-id"), varyIs(PREFLIGHT_VARY)));
            assertThat("patterns alone never inherit the default *",
                    t.preflight(APP, "PUT", "Access-Control-Request-Headers", "x-other"),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("exposeHeaders", b -> b.exposeHeaders("X-Total"), Map.of(CorsProperties.EXPOSE_HEADERS, "X-Total"), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                    hasHeader("Access-Control-Expose-Headers", "X-Total"), varyIs("Origin")));
        }),
        new Option("supportsCredentials", b -> b.origins(APP).supportsCredentials(true),
                Map.of(CorsProperties.ORIGINS, APP, CorsProperties.SUPPORTS_CREDENTIALS, "true"), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                    hasHeader("Access-Control-Allow-Credentials", "true"), varyIs("Origin")));
            assertThat(t.preflight(APP, "PUT"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                    hasHeader("Access-Control-Allow-Credentials", "true"), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("maxAge", b -> b.maxAge(0), Map.of(CorsProperties.MAX_AGE, 0), t -> {
            assertThat("0 is sent as 0", t.preflight(APP, "PUT"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Max-Age", "0"), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("sendWildcard", b -> b.sendWildcard(true), Map.of(CorsProperties.SEND_WILDCARD, true), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "*"), hasNoHeader("Vary")));
            assertThat("a constant * is answered without Origin too", t.put(),
                    allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "*"), hasNoHeader("Vary")));
        }),
        new Option("varyHeader", b -> b.varyHeader(false), Map.of(CorsProperties.VARY_HEADER, "false"), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), hasNoHeader("Vary")));
            assertThat(t.preflight(APP, "PUT"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), hasNoHeader("Vary")));
        }),
        new Option("allowPrivateNetwork", b -> b.origins(APP).allowPrivateNetwork(true),
                Map.of(CorsProperties.ORIGINS, APP, CorsProperties.ALLOW_PRIVATE_NETWORK, Boolean.TRUE), t -> {
            assertThat(t.preflight(APP, "PUT", "Access-Control-Request-Private-Network", "true"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Private-Network", "true"), varyIs(PREFLIGHT_VARY)));
            assertThat("never on actual responses", t.put("Origin", APP),
                    allOf(hasStatus(200), hasNoHeader("Access-Control-Allow-Private-Network"), varyIs("Origin")));
        }),
        new Option("automaticOptions", b -> b.automaticOptions(false), Map.of(CorsProperties.AUTOMATIC_OPTIONS, "false"), t -> {
            assertThat("the declared @OPTIONS method answers, with the headers added", t.preflight(APP, "PUT"),
                    allOf(hasStatus(200), hasHeader("X-Own-Options", "yes"), hasHeader("Access-Control-Allow-Origin", APP),
                            varyIs(PREFLIGHT_VARY)));
        }),
        new Option("interceptExceptions", b -> b.interceptExceptions(false), Map.of(CorsProperties.INTERCEPT_EXCEPTIONS, "false"), t -> {
            assertThat("an error response (405) carries nothing of the library", t.app().send("DELETE", t.path(), "Origin", APP),
                    allOf(hasStatus(405), hasNoCorsHeaders(), hasNoHeader("Vary")));
            assertThat("a success still does", t.put("Origin", APP),
                    allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        }),
        new Option("rejectDisallowedOrigins", b -> b.origins(APP).rejectDisallowedOrigins(true),
                Map.of(CorsProperties.ORIGINS, APP, CorsProperties.REJECT_DISALLOWED_ORIGINS, true), t -> {
            assertThat("the resource would run without headers", t.put("Origin", "https://other.example.com"),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin")));
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        }),
        new Option("originPredicate", b -> b.originPredicate(APP::equals), Map.of(), t -> {
            assertThat(t.put("Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
            assertThat("the predicate alone never inherits the default *", t.put("Origin", "https://other.example.com"),
                    allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        }),
        new Option("crossSiteProtection", b -> b.crossSiteProtection(true), Map.of(CorsProperties.CROSS_SITE_PROTECTION, "true"), t -> {
            assertThat("the default (off) would let it run", t.put("Origin", "https://other.example.com", "Sec-Fetch-Site", "cross-site"),
                    allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            assertThat("same-origin passes", t.put("Origin", InProcess.BASE.toString().replaceAll("/$", ""),
                    "Sec-Fetch-Site", "same-origin"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "http://api.example.com"),
                    varyIs("Origin")));
            assertThat("preflights are never affected", t.preflight("https://other.example.com", "PUT", "Sec-Fetch-Site", "cross-site"),
                    allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", "https://other.example.com"), varyIs(PREFLIGHT_VARY)));
        }),
        new Option("rejectDisallowedOriginsReportOnly", b -> b.origins(APP).rejectDisallowedOriginsReportOnly(true),
                Map.of(CorsProperties.ORIGINS, APP, CorsProperties.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY, true), t -> {
            try (LogCapture log = new LogCapture()) {
                assertThat("reported, not refused: as with the option off", t.put("Origin", "https://other.example.com"),
                        allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
                assertThat("the default (off) would say nothing", log.messages(java.util.logging.Level.WARNING).stream()
                        .anyMatch(m -> m.startsWith("rejectDisallowedOrigins (report-only) would have refused")), org.hamcrest.Matchers.is(true));
            }
        }),
        new Option("crossSiteProtectionReportOnly", b -> b.crossSiteProtectionReportOnly(true),
                Map.of(CorsProperties.CROSS_SITE_PROTECTION_REPORT_ONLY, "true"), t -> {
            try (LogCapture log = new LogCapture()) {
                assertThat("reported, not refused: as with the option off", t.put("Origin", "https://other.example.com",
                        "Sec-Fetch-Site", "cross-site"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin",
                        "https://other.example.com"), varyIs("Origin")));
                assertThat("the default (off) would say nothing", log.messages(java.util.logging.Level.WARNING).stream()
                        .anyMatch(m -> m.startsWith("crossSiteProtection (report-only) would have refused")), org.hamcrest.Matchers.is(true));
            }
        }));

    private static final InProcess METHOD_APP = new InProcess(
            new ResourceConfig(LayerResources.MethodLayer.class).register(new CorsFeature()));
    private static final InProcess CLASS_APP = new InProcess(
            new ResourceConfig(LayerResources.CLASS_LAYER).register(new CorsFeature()));

    /** Each option from every layer the catalogue gives it: the annotations where it has an attribute, properties where it has a key. */
    static Stream<Arguments> layers() {
        List<Arguments> rows = new ArrayList<>();
        for (Option o : OPTIONS) {
            io.github.jaxrscors.Option<?> catalogued = OptionCatalogueTest.named(o.name());
            String slug = Layer.propertyKey(o.name()).substring("jaxrs.cors.".length());
            if (catalogued.hasAttribute()) {
                rows.add(Arguments.of(o, "method annotation", new Target(METHOD_APP, "m/" + slug)));
                rows.add(Arguments.of(o, "class annotation", new Target(CLASS_APP, "c/" + slug)));
            }
            rows.add(Arguments.of(o, "CorsFeature builder", new Target(new InProcess(new ResourceConfig(LayerResources.Plain.class)
                    .register(o.builder().apply(CorsFeature.builder()).build())), "b")));
            if (catalogued.propertyKey() != null) {
                rows.add(Arguments.of(o, "jaxrs.cors properties", new Target(new InProcess(new ResourceConfig(LayerResources.Plain.class)
                        .addProperties(o.properties()).register(CorsFeature.class)), "b")));
            }
        }
        return rows.stream();
    }

    @Test
    void everyOptionOfAPolicyIsChecked() {
        assertThat(OPTIONS.stream().map(Option::name).collect(Collectors.toList()),
                containsInAnyOrder(io.github.jaxrscors.Option.POLICY.stream().map(io.github.jaxrscors.Option::name).toArray()));
    }

    @ParameterizedTest(name = "{0} set by the {1}")
    @MethodSource("layers")
    void optionTakesEffectFromEveryLayer(Option option, String layer, Target target) {
        option.check().accept(target);
    }
}
