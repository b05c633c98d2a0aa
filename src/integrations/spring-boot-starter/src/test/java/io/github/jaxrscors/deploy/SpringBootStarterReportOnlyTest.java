package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.CorsDecisionEvent;
import io.github.jaxrscors.CorsDecisionListener;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code jaxrs.cors.cross-site-protection-report-only=true} in the scenario application, over HTTP: a
 * cross-site POST from an unlisted origin proceeds (the note is created) and the decision event,
 * told to a {@link CorsDecisionListener} bean, says it would have been refused.
 */
@Tag("servlet")
@SpringBootTest(classes = {NotesBoot.class, SpringBootStarterReportOnlyTest.Events.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jaxrs.cors.cross-site-protection-report-only=true")
class SpringBootStarterReportOnlyTest {

    private static final String EVIL = "https://evil.example.net";

    /** The application's listener: keeps each event. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Events {
        static final List<CorsDecisionEvent> KEPT = new CopyOnWriteArrayList<>();

        @Bean
        CorsDecisionListener keep() {
            return KEPT::add;
        }
    }

    @Autowired
    private Environment environment;

    private HttpProbe probe() {
        return new HttpProbe(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"));
    }

    @BeforeEach
    void forget() {
        Events.KEPT.clear();
    }

    private static CorsDecisionEvent only() {
        assertThat(Events.KEPT, hasSize(1));
        return Events.KEPT.get(0);
    }

    @Test
    void aCrossSitePostFromAnUnlistedOriginProceedsAndIsReportedAsWouldRefuse() {
        HttpReply r = probe().send("POST", "notes", "{\"text\":\"x\"}", "Origin", EVIL, "Sec-Fetch-Site", "cross-site");
        assertThat(r, allOf(hasStatus(201), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        CorsDecisionEvent e = only();
        assertThat(List.of(e.outcome(), e.reason()),
                contains(CorsDecisionEvent.Outcome.WOULD_REFUSE, CorsDecisionEvent.Reason.CROSS_SITE_FETCH_REFUSED));
        assertThat(List.of(e.method(), e.pathTemplate()), contains("POST", "/notes"));
    }

    @Test
    void aCrossSitePostFromTheListedOriginIsAllowedAndNotReported() {
        HttpReply r = probe().send("POST", "notes", "{\"text\":\"x\"}", "Origin", ORIGIN, "Sec-Fetch-Site", "cross-site");
        assertThat(r, allOf(hasStatus(201), accessControlHeadersAre("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Note-Id"), varyHasEachOnce("Origin")));
        assertThat(only().outcome(), is(CorsDecisionEvent.Outcome.ACTUAL_ALLOWED));
    }
}
