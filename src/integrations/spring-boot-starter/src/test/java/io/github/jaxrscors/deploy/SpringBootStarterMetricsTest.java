package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static io.github.jaxrscors.deploy.ReplyMatchers.hasStatus;
import static io.github.jaxrscors.deploy.ReplyMatchers.varyHasEachOnce;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.CorsMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The scenario application with a Micrometer {@code MeterRegistry} bean: the starter counts each CORS
 * decision of a real request over HTTP in {@value CorsMetrics#NAME}, read back from the registry.
 */
@Tag("servlet")
@SpringBootTest(classes = {NotesBoot.class, SpringBootStarterMetricsTest.Micrometer.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootStarterMetricsTest {

    /** The application's registry, as an application without the actuator declares it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Micrometer {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    private Environment environment;

    @Autowired
    private MeterRegistry registry;

    private HttpProbe probe() {
        return new HttpProbe(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + "/ctx/api/"));
    }

    private double count(String outcome, String reason) {
        Counter counter = registry.find(CorsMetrics.NAME).tag("outcome", outcome).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAllowedRequestIsCountedAsAllowedInTheApplicationsRegistry() {
        double before = count("ACTUAL_ALLOWED", "ORIGIN_ALLOWED");
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", ORIGIN);
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", "true", "Access-Control-Expose-Headers", "X-Note-Id"), varyHasEachOnce("Origin")));
        assertThat(count("ACTUAL_ALLOWED", "ORIGIN_ALLOWED") - before, is(1.0));
    }

    @Test
    void aDisallowedOriginIsCountedWithoutHeadersInTheApplicationsRegistry() {
        double before = count("ACTUAL_WITHOUT_HEADERS", "ORIGIN_REFUSED");
        HttpReply r = probe().send("GET", "notes/7", null, "Origin", "https://evil.example.net");
        assertThat(r, allOf(hasStatus(200), accessControlHeadersAre(), varyHasEachOnce("Origin")));
        assertThat(count("ACTUAL_WITHOUT_HEADERS", "ORIGIN_REFUSED") - before, is(1.0));
        assertThat("the allowed counter did not move", registry.find(CorsMetrics.NAME).tag("outcome", "ACTUAL_ALLOWED").counters().stream()
                .mapToDouble(Counter::count).sum(), is(count("ACTUAL_ALLOWED", "ORIGIN_ALLOWED")));
    }
}
