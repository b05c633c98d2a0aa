package io.github.jaxrscors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer counters of the CORS decisions: {@value #NAME}, one counter per outcome, reason and
 * policy (tags {@code outcome}, {@code reason}, {@code policy}; never the origin, which is
 * unbounded). Micrometer is an optional dependency of the library: this class is the only one that
 * needs it, and only where it is used.
 *
 * <pre>{@code
 * CorsMetrics metrics = new CorsMetrics();
 * metrics.bindTo(registry);
 * new ResourceConfig(...).register(CorsFeature.builder().decisionListener(metrics).build());
 * }</pre>
 *
 * <p>Before {@link #bindTo(MeterRegistry)}, decisions are not counted.
 */
public final class CorsMetrics implements CorsDecisionListener, MeterBinder {

    /** The counter's name. */
    public static final String NAME = "jaxrs.cors.requests";

    private volatile @Nullable MeterRegistry registry;

    /** The counters met so far: bounded by outcomes × reasons × policies. */
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    private record Key(CorsDecisionEvent.Outcome outcome, CorsDecisionEvent.Reason reason, String policy) {
    }

    /** Counters that count once bound to a registry. */
    public CorsMetrics() {
        // Bound later, by bindTo.
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        counters.clear();
    }

    @Override
    public void onDecision(CorsDecisionEvent event) {
        MeterRegistry bound = registry;
        if (bound == null) {
            return;
        }
        counters.computeIfAbsent(new Key(event.outcome(), event.reason(), event.policy()),
                k -> Counter.builder(NAME).description("CORS decisions of jaxrs-cors, by outcome, reason and policy")
                        .tag("outcome", k.outcome().name()).tag("reason", k.reason().name()).tag("policy", k.policy())
                        .register(bound)).increment();
    }

    @Override
    public String toString() {
        return "CorsMetrics{" + NAME + (registry == null ? ", unbound" : "") + "}";
    }
}
