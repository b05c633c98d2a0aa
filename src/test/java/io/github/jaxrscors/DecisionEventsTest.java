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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import io.github.jaxrscors.CorsDecisionEvent.Reason;
import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.Invocations;
import io.github.jaxrscors.support.KeptDecisions;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.UsersResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: one {@link CorsDecisionEvent} per covered request reaches the registered
 * {@link CorsDecisionListener}s, with its outcome, reason code, policy, method, path template and
 * escaped origin; a listener that throws never breaks the request.
 */
@Tag("in-process")
@Isolated
class DecisionEventsTest {

    static final String[] PREFLIGHT_VARY = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};

    @Path("orgs/{org}")
    public static class Orgs {
        @GET
        @Path("members/{id}")
        public String member(@PathParam("org") String org, @PathParam("id") String id) {
            return org + "/" + id;
        }
    }

    private static InProcess app(KeptDecisions kept, CorsFeature.Builder feature) {
        return new InProcess(new ResourceConfig(UsersResource.class, Orgs.class).register(feature.decisionListener(kept).build()));
    }

    @Test
    void allowedGetIsReportedWithItsPathTemplateNotTheRawPath() {
        KeptDecisions kept = new KeptDecisions();
        InProcess app = app(kept, CorsFeature.builder().origins(APP));
        assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
        CorsDecisionEvent e = kept.only();
        assertThat(e.outcome(), is(Outcome.ACTUAL_ALLOWED));
        assertThat(e.reason(), is(Reason.ORIGIN_ALLOWED));
        assertThat(e.policy(), is("every resource"));
        assertThat(e.method(), is("GET"));
        assertThat(e.pathTemplate(), is("/users/{id}"));
        assertThat(e.origin(), is(APP));
        assertThat(app.send("GET", "orgs/acme/members/9", "Origin", APP), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        assertThat("a sub-resource method's template joins its class's", kept.only().pathTemplate(), is("/orgs/{org}/members/{id}"));
    }

    @Test
    void eachKindOfActualRequestIsReportedOnceWithItsOutcomeAndReason() {
        KeptDecisions kept = new KeptDecisions();
        InProcess app = app(kept, CorsFeature.builder().origins(APP).resource("/users/.*"));
        assertThat(app.send("GET", "users/7", "Origin", EVIL), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        CorsDecisionEvent refused = kept.only();
        assertThat(List.of(refused.outcome(), refused.reason()), contains(Outcome.ACTUAL_WITHOUT_HEADERS, Reason.ORIGIN_REFUSED));
        assertThat(refused.policy(), is("resource(\"/users/.*\")"));
        assertThat(app.send("GET", "users/7"), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        CorsDecisionEvent none = kept.only();
        assertThat(List.of(none.outcome(), none.reason()), contains(Outcome.ACTUAL_WITHOUT_HEADERS, Reason.NO_ORIGIN));
        assertThat("no Origin: the covering policy is named", none.policy(), is("resource(\"/users/.*\")"));
        assertThat(none.origin(), is(nullValue()));
        assertThat(app.send("GET", "orgs/acme/members/9", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders()));
        assertThat("an uncovered request is not reported", kept.events, hasSize(0));
    }

    @Test
    void preflightsAreReportedAllowedOrRefusedWhetherAnsweredBeforeOrAfterMatching() {
        KeptDecisions kept = new KeptDecisions();
        InProcess app = app(kept, CorsFeature.builder().origins(APP).methods("GET", "POST"));
        assertThat(app.preflight("users/7", APP, "POST"), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs(PREFLIGHT_VARY)));
        CorsDecisionEvent allowed = kept.only();
        assertThat(List.of(allowed.outcome(), allowed.reason()), contains(Outcome.PREFLIGHT_ALLOWED, Reason.PREFLIGHT_ALLOWED));
        assertThat(allowed.method(), is("OPTIONS"));
        assertThat("the router's template, before matching", allowed.pathTemplate(), is("/users/{id}"));
        assertThat(app.preflight("users/7", APP, "DELETE"), allOf(hasStatus(403), hasNoCorsHeaders(), varyIs(PREFLIGHT_VARY)));
        CorsDecisionEvent method = kept.only();
        assertThat(List.of(method.outcome(), method.reason()), contains(Outcome.PREFLIGHT_REFUSED, Reason.METHOD_REFUSED));
        assertThat(app.preflight("orgs/acme/members/9", EVIL, "GET"), allOf(hasStatus(403), hasNoCorsHeaders(),
                varyIs(PREFLIGHT_VARY)));
        CorsDecisionEvent origin = kept.only();
        assertThat(List.of(origin.outcome(), origin.reason()), contains(Outcome.PREFLIGHT_REFUSED, Reason.PREFLIGHT_ORIGIN_REFUSED));
        assertThat(origin.pathTemplate(), is("/orgs/{org}/members/{id}"));
    }

    @Test
    void refusalsOfTheStrictOptionsAreReportedAsRefused() {
        Invocations.reset();
        KeptDecisions kept = new KeptDecisions();
        InProcess reject = app(kept, CorsFeature.builder().origins(APP).rejectDisallowedOrigins(true));
        assertThat(reject.send("POST", "users/7", "Origin", EVIL), allOf(hasStatus(403), hasNoCorsHeaders(), varyIs("Origin")));
        CorsDecisionEvent r = kept.only();
        assertThat(List.of(r.outcome(), r.reason()), contains(Outcome.REFUSED_DISALLOWED_ORIGIN, Reason.ORIGIN_REFUSED));
        InProcess crossSite = app(kept, CorsFeature.builder().origins(APP).crossSiteProtection(true));
        assertThat(crossSite.send("POST", "users/7", "Origin", EVIL, "Sec-Fetch-Site", "cross-site"), allOf(hasStatus(403),
                hasNoCorsHeaders(), varyIs("Origin", "Sec-Fetch-Site")));
        CorsDecisionEvent c = kept.only();
        assertThat(List.of(c.outcome(), c.reason()), contains(Outcome.REFUSED_CROSS_SITE, Reason.CROSS_SITE_FETCH_REFUSED));
        assertThat(crossSite.send("POST", "users/7", "Origin", APP, "Sec-Fetch-Site", "cross-site"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        CorsDecisionEvent passed = kept.only();
        assertThat("a pass of crossSiteProtection reports the CORS decision once",
                List.of(passed.outcome(), passed.reason()), contains(Outcome.ACTUAL_ALLOWED, Reason.ORIGIN_ALLOWED));
        assertThat(Invocations.count("users.write"), is(1));
    }

    @Test
    void originIsEscapedInTheEvent() {
        KeptDecisions kept = new KeptDecisions();
        InProcess app = app(kept, CorsFeature.builder().origins(APP));
        assertThat(app.send("GET", "users/7", "Origin", "https://\u00e9vil.example"), allOf(hasStatus(200), hasNoCorsHeaders(),
                varyIs("Origin")));
        assertThat(kept.only().origin(), is("https://\\u00e9vil.example"));
    }

    /** Always throws. */
    static final class Throwing implements CorsDecisionListener {
        @Override
        public void onDecision(CorsDecisionEvent event) {
            throw new IllegalStateException("metrics backend down");
        }
    }

    @Test
    void listenerThatThrowsNeverBreaksTheRequestAndIsLoggedOnce() {
        KeptDecisions after = new KeptDecisions();
        InProcess app = new InProcess(new ResourceConfig(UsersResource.class).register(CorsFeature.builder().origins(APP)
                .decisionListener(new Throwing()).decisionListener(after).build()));
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200),
                        hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
            }
            List<String> warnings = log.messages(Level.WARNING).stream().filter(m -> m.contains("Throwing")).toList();
            assertThat(warnings, hasSize(1));
            assertThat(warnings.get(0), containsString("metrics backend down"));
        }
        assertThat("the next listener is still told", after.events, hasSize(3));
    }

    @Test
    void everyLoggedReasonHasAPublicCode() {
        for (CorsDecision.Reason r : CorsDecision.Reason.values()) {
            boolean pass = CorsDecision.Reason.SAFE_METHOD.ordinal() <= r.ordinal() && r.ordinal() <= CorsDecision.Reason.OWN_ORIGIN.ordinal()
                    && r != CorsDecision.Reason.CROSS_SITE_FETCH_REFUSED;
            if (!pass) {
                assertThat(DecisionEvents.reason(r).name(), is(r.name()));
            }
        }
    }
}
