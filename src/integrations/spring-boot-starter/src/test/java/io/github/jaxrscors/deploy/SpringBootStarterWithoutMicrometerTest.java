package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * The scenario application with {@code micrometer-core} off the class path (the surefire execution
 * {@code without-micrometer} of this project runs this class alone, without it): Micrometer is an
 * optional dependency of the starter, and the application starts and answers as with it.
 */
@Tag("servlet")
@SpringBootTest(classes = NotesBoot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootStarterWithoutMicrometerTest {

    @Autowired
    private Environment environment;

    @Test
    void micrometerIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));
    }

    @Test
    void anAllowedRequestIsAnsweredWithTheCorsHeaders() {
        HttpReply r = new HttpProbe(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"))
                .send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Note-Id"), varyHasEachOnce("Origin")));
    }
}
