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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import io.github.jaxrscors.CorsDecisionEvent.Reason;
import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.KeptDecisions;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: report-only mode of the strict options. A request they would refuse proceeds
 * exactly as with the option off (same status, headers and body, the resource runs); the event
 * says {@link Outcome#WOULD_REFUSE} with the reason; a WARNING says it at most once per reason per
 * minute, with a count and one escaped example. Enforcing behaves as before, and wins where both
 * are set.
 */
@Tag("in-process")
@Isolated
class ReportOnlyTest {

    @Path("transfer")
    public static class Transfer {
        @POST
        public String transfer() {
            Invocations.record("transfer");
            return "done";
        }
    }

    @Path("annotated")
    @CrossOrigin(origins = APP, crossSiteProtectionReportOnly = OptBoolean.TRUE)
    public static class Annotated {
        @POST
        public String post() {
            Invocations.record("annotated");
            return "done";
        }
    }

    private static InProcess app(KeptDecisions kept, CorsFeature.Builder feature) {
        return new InProcess(new ResourceConfig(Transfer.class).register(feature.origins(APP).decisionListener(kept).build()));
    }

    private static final String[] CROSS_SITE_POST = {"Origin", EVIL, "Sec-Fetch-Site", "cross-site"};

    @Test
    void crossSiteReportOnlyLetsTheRequestThroughExactlyAsWithTheOptionOff() {
        Invocations.reset();
        KeptDecisions kept = new KeptDecisions();
        Reply off = app(kept, CorsFeature.builder()).send("POST", "transfer", CROSS_SITE_POST);
        kept.events.clear();
        Reply reported = app(kept, CorsFeature.builder().crossSiteProtectionReportOnly(true)).send("POST", "transfer", CROSS_SITE_POST);
        assertThat(reported, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("the same answer as with the option off", reported.toString(), is(off.toString()));
        assertThat("the resource ran both times", Invocations.count("transfer"), is(2));
        CorsDecisionEvent e = kept.only();
        assertThat(List.of(e.outcome(), e.reason()), contains(Outcome.WOULD_REFUSE, Reason.CROSS_SITE_FETCH_REFUSED));
        assertThat(e.origin(), is(EVIL));
    }

    @Test
    void crossSiteEnforcingRefusesAsBeforeAndWinsOverReportOnly() {
        Invocations.reset();
        KeptDecisions kept = new KeptDecisions();
        for (CorsFeature.Builder enforcing : List.of(CorsFeature.builder().crossSiteProtection(true),
                CorsFeature.builder().crossSiteProtection(true).crossSiteProtectionReportOnly(true))) {
            assertThat(app(kept, enforcing).send("POST", "transfer", CROSS_SITE_POST), allOf(hasStatus(403), hasNoCorsHeaders(),
                    varyIs("Origin", "Sec-Fetch-Site")));
            CorsDecisionEvent e = kept.only();
            assertThat(List.of(e.outcome(), e.reason()), contains(Outcome.REFUSED_CROSS_SITE, Reason.CROSS_SITE_FETCH_REFUSED));
        }
        assertThat(Invocations.count("transfer"), is(0));
    }

    @Test
    void disallowedOriginReportOnlyProceedsWithoutHeadersAndEnforcingRefuses() {
        Invocations.reset();
        KeptDecisions kept = new KeptDecisions();
        Reply off = app(kept, CorsFeature.builder()).send("POST", "transfer", "Origin", EVIL);
        kept.events.clear();
        Reply reported = app(kept, CorsFeature.builder().rejectDisallowedOriginsReportOnly(true)).send("POST", "transfer", "Origin", EVIL);
        assertThat(reported, allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(reported.toString(), is(off.toString()));
        CorsDecisionEvent e = kept.only();
        assertThat(List.of(e.outcome(), e.reason()), contains(Outcome.WOULD_REFUSE, Reason.ORIGIN_REFUSED));
        assertThat(app(kept, CorsFeature.builder().rejectDisallowedOrigins(true).rejectDisallowedOriginsReportOnly(true))
                .send("POST", "transfer", "Origin", EVIL), allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(kept.only().outcome(), is(Outcome.REFUSED_DISALLOWED_ORIGIN));
        assertThat(Invocations.count("transfer"), is(2));
        InProcess reporting = app(kept, CorsFeature.builder().rejectDisallowedOriginsReportOnly(true));
        assertThat("a same-origin request is never reported", reporting.send("POST", "transfer", "Origin", "http://api.example.com"),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(kept.only().outcome(), is(Outcome.ACTUAL_WITHOUT_HEADERS));
        assertThat(reporting.send("POST", "transfer", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
        assertThat(kept.only().outcome(), is(Outcome.ACTUAL_ALLOWED));
    }

    @Test
    void reportOnlyIsReadFromThePropertiesAndTheAnnotation() {
        Invocations.reset();
        KeptDecisions kept = new KeptDecisions();
        InProcess app = new InProcess(new ResourceConfig(Transfer.class, Annotated.class)
                .addProperties(Map.of(CorsProperties.CROSS_SITE_PROTECTION_REPORT_ONLY, "true"))
                .register(CorsFeature.builder().origins(APP).resource("/transfer").decisionListener(kept).build()));
        assertThat(app.send("POST", "transfer", CROSS_SITE_POST), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(kept.only().outcome(), is(Outcome.WOULD_REFUSE));
        assertThat(app.send("POST", "annotated", CROSS_SITE_POST), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(kept.only().outcome(), is(Outcome.WOULD_REFUSE));
        assertThat(Invocations.count("transfer") + Invocations.count("annotated"), is(2));
    }

    @Test
    void warningIsRateLimitedToOneLinePerReasonPerMinuteWithACountAndAnEscapedExample() {
        AtomicLong now = new AtomicLong(1_000);
        DecisionEvents events = new DecisionEvents(List.of(), now::get);
        CorsPolicy policy = PolicyResolver.resolve("every resource", List.of(new Layer(CorsOptions.builder().origins(APP).build(), "test")));
        CorsDecision crossSite = CorsDecision.refused(null, CorsDecision.Reason.CROSS_SITE_FETCH_REFUSED, policy, "cross-site").reported();
        CorsDecision origin = CorsDecision.refused(null, CorsDecision.Reason.ORIGIN_REFUSED, policy, EVIL).reported();
        try (LogCapture log = new LogCapture()) {
            events.emit(crossSite, policy, false, "POST", "/transfer", "https://ev\nil.example");
            for (int i = 0; i < 5; i++) {
                events.emit(crossSite, policy, false, "POST", "/transfer", EVIL);
            }
            events.emit(origin, policy, false, "POST", "/transfer", EVIL);
            assertThat("the first of each reason at once, then nothing for a minute", log.messages(Level.WARNING), hasSize(2));
            assertThat(log.messages(Level.WARNING).get(0), is("crossSiteProtection (report-only) would have refused 1 request in the "
                    + "last minute for CROSS_SITE_FETCH_REFUSED, e.g. WOULD_REFUSE CROSS_SITE_FETCH_REFUSED POST /transfer from "
                    + "https://ev\\u000ail.example by every resource; they went on as with the option off. Enforce it once every origin "
                    + "you trust is listed."));
            assertThat(log.messages(Level.WARNING).get(1), startsWith("rejectDisallowedOrigins (report-only) would have refused 1 request"));
            now.addAndGet(TimeUnit.SECONDS.toNanos(59));
            events.emit(crossSite, policy, false, "POST", "/transfer", EVIL);
            assertThat(log.messages(Level.WARNING), hasSize(2));
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            events.emit(crossSite, policy, false, "POST", "/transfer", EVIL);
            assertThat(log.messages(Level.WARNING), hasSize(3));
            assertThat("the count of the minute, with its first example", log.messages(Level.WARNING).get(2),
                    startsWith("crossSiteProtection (report-only) would have refused 7 requests in the last minute for "
                            + "CROSS_SITE_FETCH_REFUSED, e.g. WOULD_REFUSE CROSS_SITE_FETCH_REFUSED POST /transfer from " + EVIL));
        }
    }
}
