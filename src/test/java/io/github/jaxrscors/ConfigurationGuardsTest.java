package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.allowsPrivateNetwork;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LayerResources;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.PlainResource;
import io.github.jaxrscors.support.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configurations that would quietly allow too much, or nothing at all, fail at startup. */
@Tag("in-process")
@Isolated
class ConfigurationGuardsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://*.com", "https://*.net:8443", "http://*.internal", "https://*.com:*"})
    void subdomainWildcardOverAWholeTopLevelDomainIsRefused(String entry) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PolicyResolver.resolve("T",
                List.of(new Layer(CorsOptions.builder().origins(entry).build(), "test"))));
        assertThat(e.getMessage(), containsString("origins entry \"" + entry + "\" (from test) is not an origin"));
        assertThat(e.getMessage(), containsString("not over a whole top-level domain"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://*.example.com", "http://*.localhost:8080", "https://*.co.uk", "http://*.localhost:*"})
    void subdomainWildcardUnderADomainIsAccepted(String entry) {
        CorsPolicy p = PolicyResolver.resolve("T", List.of(new Layer(CorsOptions.builder().origins(entry).build(), "test")));
        assertThat(p.origins().wildcards().size(), is(1));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " , ", ","})
    void emptyListPropertyFailsStartupNamingTheKey(String value) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyReader.read(Map.of(CorsProperties.ORIGINS, value)));
        assertThat(e.getMessage(), containsString("property jaxrs.cors.origins: the value is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://[:]", "http://[1.2.3.4]", "http://[]", "http://[:]:80"})
    void malformedIpv6LiteralIsNotAnOrigin(String origin) {
        assertThat(origin, HttpSyntax.isSerializedOrigin(origin), is(false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://[::]", "http://[::1]:8080", "https://[2001:db8::7]", "http://[::ffff:1.2.3.4]"})
    void wellFormedIpv6LiteralIsAnOrigin(String origin) {
        assertThat(origin, HttpSyntax.isSerializedOrigin(origin), is(true));
    }

    private static String failure(CorsOptions options) {
        return assertThrows(IllegalStateException.class,
                () -> PolicyResolver.resolve("T", List.of(new Layer(options, "test")))).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".*", "https?://.*", "https://.+", "https://[^/]+", "(?s).*"})
    void credentialsWithAPatternThatMatchesAnySiteFailStartup(String pattern) {
        String m = failure(CorsOptions.builder().originPatterns(pattern).supportsCredentials(true).build());
        assertThat(m, containsString("cannot be combined with originPatterns entry \"" + pattern + "\" (from test)"));
        assertThat(m, containsString("Anchor the pattern to your own domains"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://[a-z]+\\.example\\.com", "https://(app|admin)\\.example\\.com(:\\d+)?"})
    void credentialsWithAnAnchoredPatternAreAccepted(String pattern) {
        CorsPolicy p = PolicyResolver.resolve("T", List.of(new Layer(
                CorsOptions.builder().originPatterns(pattern).supportsCredentials(true).build(), "test")));
        assertThat(p.supportsCredentials(), is(true));
    }

    @org.junit.jupiter.api.Test
    void credentialsWithTheNullOriginFailStartup() {
        String m = failure(CorsOptions.builder().origins("null", APP).supportsCredentials(true).build());
        assertThat(m, containsString("cannot be combined with origins \"null\" (from test)"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".*", "https?://.*", "https://.+", "https://[^/]+", "(?s).*"})
    void privateNetworkWithAPatternThatMatchesAnySiteFailsStartup(String pattern) {
        String m = failure(CorsOptions.builder().originPatterns(pattern).allowPrivateNetwork(true).build());
        assertThat(m, containsString("allowPrivateNetwork=true (from test) cannot be combined with originPatterns entry \"" + pattern
                + "\" (from test)"));
        assertThat(m, containsString("it would open the private network to every site"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://[a-z]+\\.example\\.com", "http://localhost:\\d+"})
    void privateNetworkWithAnAnchoredPatternIsAccepted(String pattern) {
        CorsPolicy p = PolicyResolver.resolve("T", List.of(new Layer(
                CorsOptions.builder().originPatterns(pattern).allowPrivateNetwork(true).build(), "test")));
        assertThat(p.allowPrivateNetwork(), is(true));
    }

    @org.junit.jupiter.api.Test
    void privateNetworkPropertyAloneFailsStartupAgainstTheDefaultStar() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InProcess(
                new ResourceConfig(PlainResource.class)
                        .property(CorsProperties.ALLOW_PRIVATE_NETWORK, "true")
                        .register(CorsFeature.class)));
        assertThat(e.getMessage(), containsString("CORS configuration error in every resource: allowPrivateNetwork=true (from "
                + "property jaxrs.cors.allow-private-network) cannot be combined with origins \"*\" (from defaults)"));
    }

    @org.junit.jupiter.api.Test
    void privateNetworkWithListedOriginsStartsAndAnswersTheListedOriginOnly() {
        InProcess app = new InProcess(new ResourceConfig(PlainResource.class)
                .register(CorsFeature.builder().origins("http://localhost:*").allowPrivateNetwork(true).build()));
        Reply allowed = app.send("OPTIONS", "", "Origin", "http://localhost:5173", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Private-Network", "true");
        assertThat(allowed, allOf(hasStatus(200),
                allowsOrigin("http://localhost:5173"),
                allowsPrivateNetwork(), varyIs(PREFLIGHT_VARY)));
        Reply refused = app.send("OPTIONS", "", "Origin", EVIL, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Private-Network", "true");
        assertThat(refused, allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @org.junit.jupiter.api.Test
    void maxAgeAboveTheBrowsersCapsIsWarnedAboutOnceAtStartup() {
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(LayerResources.MethodLayer.class)
                    .register(CorsFeature.builder().maxAge(Duration.ofDays(1)).build()));
            List<String> warnings = log.messages(Level.WARNING).stream()
                    .filter(m -> m.contains("maxAge=")).toList();
            assertThat("one WARNING for the one setting, not one per covered method: " + warnings, warnings.size(), is(1));
            assertThat(warnings.get(0), containsString("maxAge=86400 (from CorsFeature.builder()) is longer than browsers keep"));
            assertThat(warnings.get(0), containsString("Chromium caps Access-Control-Max-Age at 7200 seconds and WebKit at 600"));
        }
    }

    @org.junit.jupiter.api.Test
    void methodsStarFailsStartup() {
        assertThat(failure(CorsOptions.builder().methods("GET", "*").build()),
                containsString("methods entry \"*\" (from test) is not supported"));
    }

    @org.junit.jupiter.api.Test
    void anInvalidValueFailsStartupEvenWhereAHigherLayerOverridesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InProcess(
                new org.glassfish.jersey.server.ResourceConfig(PlainResource.class)
                        .property(CorsProperties.ORIGINS, "https://app.example.com/")
                        .register(CorsFeature.builder().origins("https://ok.example.com").build())));
        assertThat(e.getMessage(), containsString("CORS configuration error in jaxrs.cors.* properties: origins entry "
                + "\"https://app.example.com/\" (from property jaxrs.cors.origins) is not an origin"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://app.example.com:443", "http://app.example.com:80", "HTTPS://App.Example.com:443"})
    void originWithItsSchemesDefaultPortFailsStartup(String entry) {
        assertThat(failure(CorsOptions.builder().origins(entry).build()),
                containsString("origins entry \"" + entry + "\" (from test) names its scheme's default port"));
    }

    @org.junit.jupiter.api.Test
    void aRulesOwnOptionsAreCheckedUnderAnnotatedOnlyToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InProcess(
                new org.glassfish.jersey.server.ResourceConfig(PlainResource.class).register(CorsFeature.builder()
                        .annotatedOnly().resource("/x/.*", CorsOptions.builder().methods("GET POST").build()).build())));
        assertThat(e.getMessage(), containsString("CORS configuration error in resource(\"/x/.*\"): methods entry \"GET POST\""));
    }
}
