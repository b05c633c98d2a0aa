package io.github.jaxrscors.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.github.jaxrscors.CorsDecisionEvent;
import io.github.jaxrscors.CorsDecisionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told of. */
public final class KeptDecisions implements CorsDecisionListener {
    public final List<CorsDecisionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onDecision(CorsDecisionEvent event) {
        events.add(event);
    }

    /** The one event since the last call, or a failure naming them all. */
    public CorsDecisionEvent only() {
        assertThat("one event per request: " + events, events, hasSize(1));
        return events.remove(0);
    }
}
