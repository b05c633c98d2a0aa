package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.NotesApplication.OTHER_ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rejectDisallowedOriginsReportOnly: true} in the {@code cors:} block ({@code report-only.yml}),
 * over HTTP: a request from a disallowed origin proceeds as with the option off, and the library's
 * {@code WARNING} says it would have been refused. The library logs through {@code System.Logger},
 * that is java.util.logging here (Dropwizard bridges it to its own logging); the test reads the
 * records with a handler on the library's logger.
 */
@Tag("servlet")
@ExtendWith(DropwizardExtensionsSupport.class)
class DropwizardReportOnlyTest {

    private static final DropwizardAppExtension<NotesService.NotesConfiguration> APP =
            new DropwizardAppExtension<>(NotesService.class, ResourceHelpers.resourceFilePath("report-only.yml"));

    private static final Logger LIBRARY = Logger.getLogger("io.github.jaxrscors");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        LIBRARY.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        LIBRARY.removeHandler(handler);
    }

    private static HttpProbe probe() {
        return new HttpProbe(URI.create("http://localhost:" + APP.getLocalPort() + "/ctx/api/"));
    }

    @Test
    void aDisallowedOriginProceedsWithoutCorsHeadersAndTheWarningSaysItWouldHaveBeenRefused() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", OTHER_ORIGIN);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        assertThat(warnings, contains(startsWith("rejectDisallowedOrigins (report-only) would have refused 1 request in the last minute "
                + "for ORIGIN_REFUSED, e.g. WOULD_REFUSE ORIGIN_REFUSED GET /notes/{id} from " + OTHER_ORIGIN)));
    }

    @Test
    void theListedOriginIsAllowedAndNothingIsReported() {
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Note-Id"), varyHasEachOnce("Origin")));
        assertThat(warnings, empty());
    }
}
