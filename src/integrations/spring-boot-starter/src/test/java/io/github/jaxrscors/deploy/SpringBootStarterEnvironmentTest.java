package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.EXPOSED_HEADER;
import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One {@code application.yml}, per environment: a profile and a command-line argument change the
 * allowed origins of the running application.
 */
class SpringBootStarterEnvironmentTest {

    private static final String STAGING = "https://staging.example.com";
    private static final String CLI = "https://cli.example.com";

    private static HttpProbe probe(ConfigurableApplicationContext context) {
        return new HttpProbe(URI.create("http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port") + "/ctx/api/"));
    }

    private static void assertAllowed(HttpProbe probe, String origin) {
        assertThat(probe.send("GET", "notes/7", null, "Origin", origin), allOf(hasStatus(200), accessControlHeadersAre(
                "Access-Control-Allow-Origin", origin,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", EXPOSED_HEADER), varyHasEachOnce("Origin")));
    }

    private static void assertNotAllowed(HttpProbe probe, String origin) {
        assertThat(probe.send("GET", "notes/7", null, "Origin", origin), allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
    }

    @Test
    void theStagingProfileReplacesTheAllowedOrigins() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotesBoot.class).profiles("staging")
                .run("--server.port=0", "--server.address=localhost")) {
            HttpProbe probe = probe(context);
            assertAllowed(probe, STAGING);
            assertNotAllowed(probe, ORIGIN);
        }
    }

    @Test
    void aCommandLineArgumentReplacesTheAllowedOrigins() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotesBoot.class)
                .run("--server.port=0", "--server.address=localhost", "--jaxrs.cors.origins=" + CLI + "," + ORIGIN)) {
            HttpProbe probe = probe(context);
            assertAllowed(probe, CLI);
            assertAllowed(probe, ORIGIN);
            assertNotAllowed(probe, STAGING);
        }
    }
}
