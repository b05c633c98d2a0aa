package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsCredentials;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An origin pattern that admits a lookalike of its own host is refused at startup where
 * credentials or allowPrivateNetwork make it dangerous, and warned about elsewhere.
 */
@Tag("in-process")
@Isolated
class LookalikeOriginPatternsTest {

    @Path("r")
    public static class Resource {
        @GET
        public String get() {
            return "r";
        }
    }

    private static String startupFailure(CorsFeature feature) {
        Throwable t = assertThrows(Throwable.class, () -> new InProcess(new ResourceConfig(Resource.class).register(feature)));
        StringBuilder messages = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    @ParameterizedTest(name = "{0} admits {1}")
    @CsvSource({
        "https://.*example.com, https://evilexample.com",
        "https://.*example\\.com, https://evilexample.com",
        "https://.+example\\.com, https://evilexample.com",
        "https://app.example\\.com, https://app-example.com",
        "https://example\\.com.*, https://example.com.evil.net",
        "https://[a-z]*example\\.com, https://evilexample.com",
    })
    void withCredentialsALookalikePatternFailsStartupNamingThePatternTheLookalikeAndTheFix(String pattern, String lookalike) {
        String m = startupFailure(CorsFeature.builder().originPatterns(pattern).supportsCredentials(true).build());
        assertThat(m, containsString("CORS configuration error in every resource: supportsCredentials=true (from CorsFeature.builder()) "
                + "cannot be combined with originPatterns entry \"" + pattern + "\" (from CorsFeature.builder()) admits " + lookalike));
        assertThat("the fix", m, containsString("https://([a-z0-9-]+\\.)*"));
        assertThat("the other fix", m, containsString("origins(\"https://*."));
    }

    @Test
    void theIssuesPatternIsRefusedWithCredentialsNamingItsLookalike() {
        String m = startupFailure(CorsFeature.builder().originPatterns("https://.*example.com").supportsCredentials(true).build());
        assertThat(m, containsString("admits https://evilexample.com, a lookalike of example.com that anyone can register "
                + "(\".*\" directly before \"e\" has no \\. boundary; the unescaped \".\" at index 17 matches any character)."));
        assertThat(m, containsString("write https://([a-z0-9-]+\\.)*example\\.com for example.com and its subdomains, or use the "
                + "subdomain wildcard origins(\"https://*.example.com\")"));
    }

    @Test
    void withAllowPrivateNetworkALookalikePatternFailsStartup() {
        String m = startupFailure(CorsFeature.builder().originPatterns("https://.*example\\.com").allowPrivateNetwork(true).build());
        assertThat(m, containsString("allowPrivateNetwork=true (from CorsFeature.builder()) cannot be combined with originPatterns "
                + "entry \"https://.*example\\.com\""));
    }

    @Test
    void aLookalikePatternInAnAnnotationUnderCredentialsFailsStartupNamingTheMethod() {
        String m = startupFailure(CorsFeature.builder().originPatterns("https://app.example.com").supportsCredentials(true)
                .resource("/r").build());
        assertThat(m, containsString("CORS configuration error in resource(\"/r\"): supportsCredentials=true"));
        assertThat(m, containsString("admits https://app-example.com"));
    }

    @Test
    void withoutCredentialsALookalikePatternStartsWithOneWarning() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = new InProcess(new ResourceConfig(Resource.class).register(CorsFeature.builder()
                    .originPatterns("https://.*example\\.com").resource("/r").resource("/.*").build()));
            assertThat(app.send("GET", "r", "Origin", "https://evilexample.com"),
                    allOf(hasStatus(200), allowsOrigin("https://evilexample.com"), varyIs("Origin")));
            List<String> warnings = log.messages(Level.WARNING).stream().filter(m -> m.contains("lookalike")).toList();
            assertThat("one WARNING for the one setting, not one per rule: " + warnings, warnings, hasSize(1));
            assertThat(warnings.get(0), containsString("originPatterns entry \"https://.*example\\.com\" (from CorsFeature.builder()) "
                    + "admits https://evilexample.com"));
        }
    }

    @Test
    void theFixedPatternStartsWithCredentialsAndRefusesTheLookalikes() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = new InProcess(new ResourceConfig(Resource.class).register(CorsFeature.builder()
                    .originPatterns("https://([a-z0-9-]+\\.)*example\\.com").supportsCredentials(true).build()));
            for (String lookalike : List.of("https://evilexample.com", "https://attacker-example.com", "https://example.com.evil.net")) {
                assertThat(lookalike, app.send("GET", "r", "Origin", lookalike), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
            }
            assertThat(app.send("GET", "r", "Origin", "https://app.example.com"),
                    allOf(hasStatus(200), allowsOrigin("https://app.example.com"), allowsCredentials(), varyIs("Origin")));
            assertThat(log.messages(Level.WARNING), is(empty()));
        }
    }
}
