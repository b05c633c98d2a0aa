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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.KeptDecisions;
import io.github.jaxrscors.support.MeterCounters;
import io.github.jaxrscors.support.UsersResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: a {@link CorsDecisionListener} registered on the application as a provider (an
 * instance, or a class Jersey makes) is told of every decision, as one added to the builder is, and
 * Jersey takes it without a warning. Isolated: it captures Jersey's log.
 */
@Tag("in-process")
@Isolated
class ProviderListenersTest {

    /** Registered by class: Jersey makes the instance, so what it is told is kept here. */
    public static final class ClassListener implements CorsDecisionListener {
        static final List<CorsDecisionEvent> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public void onDecision(CorsDecisionEvent event) {
            EVENTS.add(event);
        }
    }

    /** Implements no provider interface: Jersey warns that it ignores it. */
    public static final class NotAProvider {
    }

    @jakarta.ws.rs.Path("annotated")
    @CrossOrigin(origins = APP)
    public static class Annotated {
        @jakarta.ws.rs.GET
        public String get() {
            return "annotated";
        }
    }

    private static ResourceConfig byProperties() {
        return new ResourceConfig(UsersResource.class).register(CorsFeature.class).addProperties(Map.of(CorsProperties.ORIGINS, APP,
                CorsProperties.REJECT_DISALLOWED_ORIGINS_REPORT_ONLY, "true"));
    }

    @Test
    void listenersRegisteredAsAnInstanceAndAsAClassOnAnApplicationConfiguredByPropertiesAreToldOfEveryDecision() {
        ClassListener.EVENTS.clear();
        KeptDecisions instance = new KeptDecisions();
        InProcess app = new InProcess(byProperties().register(instance).register(ClassListener.class));
        assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
        assertThat(app.preflight("users/7", EVIL, "GET"), allOf(hasStatus(403), hasNoCorsHeaders()));
        assertThat(app.send("POST", "users/7", "Origin", EVIL), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        List<Outcome> expected = List.of(Outcome.ACTUAL_ALLOWED, Outcome.PREFLIGHT_REFUSED, Outcome.WOULD_REFUSE);
        assertThat("the instance", instance.events.stream().map(CorsDecisionEvent::outcome).toList(), is(expected));
        assertThat("the class Jersey made", ClassListener.EVENTS.stream().map(CorsDecisionEvent::outcome).toList(), is(expected));
    }

    @Test
    void aListenerRegisteredAsAProviderIsToldOfTheDecisionsOfCrossOriginAloneWithNoRegisteredFeature() {
        KeptDecisions instance = new KeptDecisions();
        InProcess app = new InProcess(new ResourceConfig(Annotated.class).register(instance));
        assertThat(app.send("GET", "annotated", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP),
                varyIs("Origin")));
        assertThat(instance.only().outcome(), is(Outcome.ACTUAL_ALLOWED));
        assertThat(app.send("GET", "annotated", "Origin", EVIL), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(instance.only().outcome(), is(Outcome.ACTUAL_WITHOUT_HEADERS));
    }

    @Test
    void corsMetricsRegisteredAsAProviderCountsDecisions() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CorsMetrics metrics = new CorsMetrics();
        metrics.bindTo(registry);
        InProcess app = new InProcess(byProperties().register(metrics));
        assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP)));
        assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP)));
        assertThat(app.preflight("users/7", EVIL, "GET"), allOf(hasStatus(403), hasNoCorsHeaders()));
        assertThat(MeterCounters.counters(registry), containsInAnyOrder("ACTUAL_ALLOWED ORIGIN_ALLOWED every resource = 2",
                "PREFLIGHT_REFUSED PREFLIGHT_ORIGIN_REFUSED every resource = 1"));
    }

    @Test
    void builderAndProviderListenersAreAllCalledAndOneInstanceRegisteredBothWaysOnce() {
        KeptDecisions builderOnly = new KeptDecisions();
        KeptDecisions providerOnly = new KeptDecisions();
        List<String> order = new CopyOnWriteArrayList<>();
        List<CorsDecisionEvent> both = new CopyOnWriteArrayList<>();
        // Each lambda is a class of its own: Jersey keeps the first registration of a class only.
        CorsDecisionListener first = e -> order.add("builder");
        CorsDecisionListener second = e -> order.add("provider");
        CorsDecisionListener twice = both::add;
        InProcess app = new InProcess(new ResourceConfig(UsersResource.class)
                .register(CorsFeature.builder().origins(APP).decisionListener(first).decisionListener(builderOnly)
                        .decisionListener(twice).build())
                .register(second).register(providerOnly).register(twice));
        assertThat(app.send("GET", "users/7", "Origin", APP), allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", APP)));
        assertThat(builderOnly.only().outcome(), is(Outcome.ACTUAL_ALLOWED));
        assertThat(providerOnly.only().outcome(), is(Outcome.ACTUAL_ALLOWED));
        assertThat("registered on the builder and as a provider: called once", both, hasSize(1));
        assertThat("the builder's listeners first", order, contains("builder", "provider"));
    }

    @Test
    void jerseyWarnsOfNoListenerRegisteredAsAProviderButDoesOfAClassThatIsNone() {
        List<String> warnings = jerseyWarnings(() -> new InProcess(byProperties().register(new KeptDecisions())
                .register(ClassListener.class).register(new CorsMetrics())));
        assertThat("none names a class of the library or this test", warnings.stream().filter(w -> w.contains("io.github.jaxrscors"))
                .toList(), is(empty()));
        List<String> control = jerseyWarnings(() -> new InProcess(byProperties().register(NotAProvider.class)));
        assertThat("the capture sees Jersey's warning", control, hasItem(containsString(NotAProvider.class.getName())));
    }

    /** Jersey's WARNING lines (and worse) logged while {@code start} runs. */
    private static List<String> jerseyWarnings(Supplier<InProcess> start) {
        Logger jersey = Logger.getLogger("org.glassfish.jersey");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    lines.add(r.getLoggerName() + ": " + r.getMessage() + " " + List.of(r.getParameters() == null ? new Object[0]
                            : r.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jersey.addHandler(handler);
        try {
            start.get();
        } finally {
            jersey.removeHandler(handler);
        }
        return lines;
    }
}
