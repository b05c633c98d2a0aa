package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.EXPOSED_HEADER;
import static io.github.jaxrscors.deploy.NotesApplication.MAX_AGE;
import static io.github.jaxrscors.deploy.NotesApplication.METHODS;
import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.NotesApplication.OTHER_ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The starter's application behind Spring Security (HTTP Basic, every request authenticated), CORS
 * only in {@code application.yml} (with {@code Authorization} allowed): the starter's front filter,
 * ordered before {@code springSecurityFilterChain}, answers preflights before it; authenticated
 * requests get the CORS headers once; Spring Security's own 401 gets them too, so the script can
 * read it.
 */
@Tag("servlet")
@SpringBootTest(classes = SecuredNotesBoot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jaxrs.cors.allow-headers=Content-Type, Authorization")
class SpringBootStarterWithSecurityTest {

    private static final String CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            (SecuredNotesBoot.USER + ":" + SecuredNotesBoot.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Autowired
    private Environment environment;

    private HttpProbe probe() {
        return new HttpProbe(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"));
    }

    @Test
    void preflightAnnouncingAuthorizationIsAnsweredAheadOfTheSecurityChain() {
        HttpReply r = probe().send("OPTIONS", "notes/7", null, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(r, allOf(hasStatus(200),
                accessControlHeadersAre(
                        "Access-Control-Allow-Origin", ORIGIN,
                        "Access-Control-Allow-Methods", METHODS,
                        "Access-Control-Allow-Headers", "content-type, authorization",
                        "Access-Control-Max-Age", String.valueOf(MAX_AGE),
                        "Access-Control-Allow-Credentials", "true"),
                varyHasEachOnce("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
    }

    @Test
    void preflightFromAnotherOriginIsRefusedByTheLibraryNotBySecurity() {
        HttpReply r = probe().send("OPTIONS", "notes/7", null, "Origin", OTHER_ORIGIN, "Access-Control-Request-Method", "PUT");
        assertThat(r, allOf(hasStatus(403), accessControlHeadersAre(),
                varyHasEachOnce("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")));
    }

    @Test
    void authenticatedGetCarriesTheCorsHeadersAndVary() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN, "Authorization", CREDENTIALS);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre(
                "Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", EXPOSED_HEADER), varyHasEachOnce("Origin")));
    }

    @Test
    void unauthenticatedGetIsSecuritysOwnUnauthorizedWithTheCorsHeadersAndVary() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(401), accessControlHeadersAre(
                "Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", EXPOSED_HEADER), varyHasEachOnce("Origin")));
    }

    @Test
    void unauthenticatedGetFromAnotherOriginGets401WithoutCorsHeaders() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", OTHER_ORIGIN);
        assertThat(r, allOf(hasStatus(401), accessControlHeadersAre(), varyHasEachOnce("Origin")));
    }
}
