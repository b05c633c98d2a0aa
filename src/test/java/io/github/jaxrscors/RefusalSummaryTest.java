package io.github.jaxrscors;

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

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import io.github.jaxrscors.CorsDecisionEvent.Reason;
import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.UsersResource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Unit and in-process tier: {@link CorsDecisionListener#refusalSummary()} logs refusals at INFO
 * without DEBUG, at most one line a minute, with counts per reason and one escaped example each.
 */
@Tag("unit")
@Isolated
class RefusalSummaryTest {

    private static CorsDecisionEvent event(Outcome outcome, Reason reason, String origin) {
        return new CorsDecisionEvent(outcome, reason, "every resource", "GET", "/users/{id}", origin);
    }

    @Test
    void refusalsAreSummarizedAtMostOnceAMinuteWithCountsAndAnExampleEach() {
        AtomicLong now = new AtomicLong(5);
        RefusalSummary summary = new RefusalSummary(now::get);
        try (LogCapture log = new LogCapture()) {
            summary.onDecision(event(Outcome.ACTUAL_WITHOUT_HEADERS, Reason.ORIGIN_REFUSED, "https://evil.example"));
            for (int i = 0; i < 119; i++) {
                summary.onDecision(event(Outcome.ACTUAL_WITHOUT_HEADERS, Reason.ORIGIN_REFUSED, i == 0 ? "https://ev\\u00efl.example" : EVIL));
            }
            for (int i = 0; i < 12; i++) {
                summary.onDecision(event(Outcome.PREFLIGHT_REFUSED, Reason.METHOD_REFUSED, APP));
            }
            summary.onDecision(event(Outcome.ACTUAL_ALLOWED, Reason.ORIGIN_ALLOWED, APP));
            summary.onDecision(event(Outcome.ACTUAL_WITHOUT_HEADERS, Reason.NO_ORIGIN, null));
            summary.onDecision(event(Outcome.WOULD_REFUSE, Reason.CROSS_SITE_FETCH_REFUSED, EVIL));
            now.addAndGet(TimeUnit.SECONDS.toNanos(60));
            summary.onDecision(event(Outcome.REFUSED_CROSS_SITE, Reason.CROSS_SITE_FETCH_REFUSED, EVIL));
            assertThat(log.messages(Level.INFO), contains(
                    "refused 1 cross-origin request in the last minute: ORIGIN_REFUSED 1 (e.g. https://evil.example)",
                    "refused 132 cross-origin requests in the last minute: ORIGIN_REFUSED 119 (e.g. https://ev\\u00efl.example), "
                            + "METHOD_REFUSED 12 (e.g. " + APP + "), CROSS_SITE_FETCH_REFUSED 1 (e.g. " + EVIL + ")"));
        }
    }

    @Test
    @Tag("in-process")
    void registeredSummaryLogsARefusalAtInfoWithoutDebug() {
        InProcess app = new InProcess(new ResourceConfig(UsersResource.class).register(CorsFeature.builder().origins(APP)
                .rejectDisallowedOrigins(true).decisionListener(CorsDecisionListener.refusalSummary()).build()));
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(CorsLog.NAME);
        try (LogCapture log = new LogCapture()) {
            logger.setLevel(Level.INFO);
            assertThat(app.send("POST", "users/7", "Origin", EVIL), allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin")));
            assertThat("no DEBUG record was needed", log.messages(Level.ALL).stream().filter(m -> m.startsWith("POST")).toList(), is(empty()));
            assertThat(log.messages(Level.INFO), contains("refused 1 cross-origin request in the last minute: ORIGIN_REFUSED 1 (e.g. "
                    + EVIL + ")"));
        }
    }

    @Test
    void summaryListenerNamesItself() {
        assertThat(CorsDecisionListener.refusalSummary().toString(), is("CorsDecisionListener.refusalSummary()"));
        assertThat(List.of(RefusalSummary.refused(event(Outcome.WOULD_REFUSE, Reason.ORIGIN_REFUSED, EVIL))), contains(false));
    }
}
