package io.github.jaxrscors.support;

import io.github.jaxrscors.CorsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/** The library's counters in a registry, one line each: outcome, reason, policy and count. */
public final class MeterCounters {

    private MeterCounters() {
    }

    public static List<String> counters(SimpleMeterRegistry registry) {
        return registry.find(CorsMetrics.NAME).counters().stream().map(c -> c.getId().getTag("outcome") + " " + c.getId().getTag("reason")
                + " " + c.getId().getTag("policy") + " = " + (long) c.count()).toList();
    }
}
