package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told of. */
final class KeptDecisions implements CorsDecisionListener {
    final List<CorsDecisionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onDecision(CorsDecisionEvent event) {
        events.add(event);
    }

    /** The one event since the last call, or a failure naming them all. */
    CorsDecisionEvent only() {
        assertThat("one event per request: " + events, events, hasSize(1));
        return events.remove(0);
    }
}
