package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.MeterCounters;
import io.github.jaxrscors.support.UsersResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** In-process tier: {@link CorsMetrics} counts {@code jaxrs.cors.requests} by outcome, reason and policy, never by origin. */
@Tag("in-process")
class CorsMetricsTest {

    /** Each counter as {@code outcome reason policy = count}. */

    @Test
    void decisionsAreCountedByOutcomeReasonAndPolicyNeverByOrigin() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CorsMetrics metrics = new CorsMetrics();
        InProcess app = new InProcess(new ResourceConfig(UsersResource.class)
                .register(CorsFeature.builder().origins(APP).decisionListener(metrics).build()));
        app.send("GET", "users/7", "Origin", APP);
        metrics.bindTo(registry);
        for (int i = 0; i < 3; i++) {
            assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                    varyIs("Origin")));
        }
        assertThat(app.send("GET", "users/7", "Origin", EVIL + i(1)), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(app.send("GET", "users/7", "Origin", EVIL + i(2)), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(app.preflight("users/7", APP, "DELETE", "Access-Control-Request-Headers", "x-secret"), hasStatus(200));
        assertThat(MeterCounters.counters(registry), containsInAnyOrder("ACTUAL_ALLOWED ORIGIN_ALLOWED every resource = 3",
                "ACTUAL_WITHOUT_HEADERS ORIGIN_REFUSED every resource = 2", "PREFLIGHT_ALLOWED PREFLIGHT_ALLOWED every resource = 1"));
        for (Counter c : registry.find(CorsMetrics.NAME).counters()) {
            assertThat("tags: outcome, reason, policy only", c.getId().getTags().stream().map(t -> t.getKey()).toList(),
                    containsInAnyOrder("outcome", "reason", "policy"));
        }
        assertThat(metrics.toString(), is("CorsMetrics{jaxrs.cors.requests}"));
    }

    private static String i(int n) {
        return n == 1 ? "" : ":" + (8000 + n);
    }
}
