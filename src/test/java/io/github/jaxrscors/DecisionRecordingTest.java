package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.UsersResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: the JFR event {@code io.github.jaxrscors.Decision}, recorded in-process around
 * requests and read back from the recording file; off unless a configuration enables it.
 */
@Tag("in-process")
@Isolated
class DecisionRecordingTest {

    private static final InProcess APP_WITHOUT_LISTENER = new InProcess(new ResourceConfig(UsersResource.class)
            .register(CorsFeature.builder().origins(APP).crossSiteProtection(true).build()));

    /** Sends the requests of the scenario inside a recording made with {@code configuration}; returns its CORS events. */
    private static List<RecordedEvent> record(Configuration configuration) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "cors-decisions", ".jfr");
        try (Recording recording = new Recording(configuration)) {
            recording.start();
            assertThat(APP_WITHOUT_LISTENER.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
            assertThat(APP_WITHOUT_LISTENER.preflight("users/7", APP, "PUT"), allOf(hasStatus(200),
                    hasHeader("Access-Control-Allow-Origin", APP)));
            assertThat(APP_WITHOUT_LISTENER.send("POST", "users/7", "Origin", EVIL, "Sec-Fetch-Site", "cross-site"), allOf(hasStatus(403),
                    hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(DecisionRecord.NAME)).toList();
    }

    @Test
    void recordingWithTheShippedConfigurationHoldsOneEventPerDecision() throws IOException, ParseException {
        List<RecordedEvent> events = record(Configuration.create(Path.of("docs", "cors-decisions.jfc")));
        assertThat(events.stream().map(e -> e.getString("outcome") + " " + e.getString("reason") + " " + e.getString("method") + " "
                + e.getString("pathTemplate") + " " + e.getString("origin") + " " + e.getString("policy")).toList(), contains(
                "ACTUAL_ALLOWED ORIGIN_ALLOWED GET /users/{id} " + APP + " every resource",
                "PREFLIGHT_ALLOWED PREFLIGHT_ALLOWED OPTIONS /users/{id} " + APP + " every resource",
                "REFUSED_CROSS_SITE CROSS_SITE_FETCH_REFUSED POST /users/{id} " + EVIL + " every resource"));
        Files.writeString(Path.of("target", "cors-decisions-events.txt"), events.toString());
    }

    @Test
    void eventIsOffInJfrsOwnConfigurations() throws IOException, ParseException {
        assertThat(record(Configuration.getConfiguration("default")), is(empty()));
        assertThat(record(Configuration.getConfiguration("profile")), is(empty()));
    }
}
