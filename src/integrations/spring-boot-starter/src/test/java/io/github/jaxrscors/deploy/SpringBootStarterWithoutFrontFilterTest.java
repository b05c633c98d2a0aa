package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The same secured application with the starter's front filter switched off: what users report
 * today. Spring Security answers the preflight 401 (the browser reports a CORS error) and its 401 to
 * an actual request carries no CORS header (the script sees "Failed to fetch").
 */
@Tag("servlet")
@SpringBootTest(classes = SecuredNotesBootWithoutFrontFilter.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jaxrs.cors.allow-headers=Content-Type, Authorization")
class SpringBootStarterWithoutFrontFilterTest {

    @Autowired
    private Environment environment;

    private HttpProbe probe() {
        return new HttpProbe(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"));
    }

    @Test
    void securityAnswersThePreflight401WithoutCorsHeaders() {
        HttpReply r = probe().send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");
        assertThat(r, allOf(hasStatus(401), accessControlHeadersAre(), varyHasEachOnce()));
    }

    @Test
    void securitysUnauthorizedCarriesNoCorsHeaders() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(401), accessControlHeadersAre(), varyHasEachOnce()));
    }
}
