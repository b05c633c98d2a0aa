package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.EXPOSED_HEADER;
import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The {@code cors:} block overridden with Dropwizard's {@code dw.} system properties and environment
 * variables substituted in the YAML, and refused at
 * startup in Dropwizard's configuration error format, naming the YAML path of the refused value.
 */
class DropwizardBundleConfigurationTest {

    private static final String CONFIG = ResourceHelpers.resourceFilePath("notes.yml");

    private static DropwizardTestSupport<NotesService.NotesConfiguration> service(ConfigOverride... overrides) {
        return new DropwizardTestSupport<>(NotesService.class, CONFIG, overrides);
    }

    private static String refused(ConfigOverride... overrides) {
        DropwizardTestSupport<NotesService.NotesConfiguration> service = service(overrides);
        try {
            ConfigurationException e = assertThrows(ConfigurationException.class, service::before,
                    "the service must not start");
            return e.getMessage();
        } finally {
            service.after();
        }
    }

    @Test
    void aDwSystemPropertyReplacesTheAllowedOrigins() throws Exception {
        String other = "https://other.example.com";
        DropwizardTestSupport<NotesService.NotesConfiguration> service = service(ConfigOverride.config("cors.origins", other + "," + ORIGIN));
        service.before();
        try {
            HttpProbe probe = new HttpProbe(URI.create("http://localhost:" + service.getLocalPort() + "/ctx/api/"));
            for (String origin : new String[] {other, ORIGIN}) {
                assertThat(probe.send("GET", "notes/7", null, "Origin", origin), allOf(hasStatus(200), accessControlHeadersAre(
                        "Access-Control-Allow-Origin", origin,
                        "Access-Control-Allow-Credentials", "true",
                        "Access-Control-Expose-Headers", EXPOSED_HEADER), varyHasEachOnce("Origin")));
            }
            assertThat(probe.send("GET", "notes/7", null, "Origin", "https://evil.example.net"),
                    allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        } finally {
            service.after();
        }
    }

    @Test
    void anEnvironmentVariableSubstitutedInTheYamlSetsTheAllowedOrigin() throws Exception {
        String fromEnvironment = "https://env.example.com";
        assertThat("NOTES_ENV_ORIGIN is set by the surefire configuration", System.getenv("NOTES_ENV_ORIGIN"),
                is(fromEnvironment));
        DropwizardTestSupport<NotesService.NotesConfiguration> service = new DropwizardTestSupport<>(NotesService.class,
                ResourceHelpers.resourceFilePath("notes-env.yml"));
        service.before();
        try {
            HttpProbe probe = new HttpProbe(URI.create("http://localhost:" + service.getLocalPort() + "/ctx/api/"));
            assertThat(probe.send("GET", "notes/7", null, "Origin", fromEnvironment), allOf(hasStatus(200), accessControlHeadersAre(
                    "Access-Control-Allow-Origin", fromEnvironment,
                    "Access-Control-Allow-Credentials", "true",
                    "Access-Control-Expose-Headers", EXPOSED_HEADER), varyHasEachOnce("Origin")));
            assertThat(probe.send("GET", "notes/7", null, "Origin", ORIGIN), allOf(hasStatus(200), accessControlHeadersAre(),
                    varyHasEachOnce("Origin")));
        } finally {
            service.after();
        }
    }

    @Test
    void aWrongOriginIsRefusedAtStartupNamingItsYamlPath() {
        String message = refused(ConfigOverride.config("cors.origins", ORIGIN + ",app.example.com"));
        assertThat(message, containsString("has an error"));
        assertThat(message, containsString("* cors.origins[1] is refused: origins entry \"app.example.com\" is not an origin"));
    }

    @Test
    void aWrongRulePathIsRefusedNamingIt() {
        assertThat(refused(ConfigOverride.config("cors.resources[0].path", "/notes(")),
                containsString("* cors.resources[0].path is refused: "));
    }

    @Test
    void credentialsWithAnyOriginInARuleIsRefusedNamingTheRule() {
        assertThat(refused(ConfigOverride.config("cors.resources[0].origins", "*")),
                containsString("* cors.resources[0] is refused: "));
    }

    @Test
    void aNegativeMaxAgeIsDropwizardsParsingErrorNamingIt() {
        assertThat(refused(ConfigOverride.config("cors.maxAge", "-5 seconds")), containsString("cors.maxAge"));
    }

    @Test
    void aMissingRulePathIsAStandardConstraintViolation() {
        assertThat(refused(ConfigOverride.config("cors.resources[0].path", "")), containsString("* cors.resources[0].path must not be empty"));
    }
}
