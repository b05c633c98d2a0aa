package io.github.jaxrscors;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/**
 * A CORS decision as a JDK Flight Recorder event, {@value #NAME}: the fields of a
 * {@link CorsDecisionEvent}. Off by default (it is not in JFR's {@code default} or {@code profile}
 * configurations); a recording enables it by name, e.g. with the {@code docs/cors-decisions.jfc}
 * configuration. Touched only through {@link #enabled()} and {@link #commit(CorsDecisionEvent)},
 * and only where the {@code jdk.jfr} module is present.
 */
@Name(DecisionRecord.NAME)
@Label("CORS Decision")
@Description("One CORS decision of jaxrs-cors: outcome, reason code, policy, method, path template, escaped origin")
@Category({"Jakarta REST", "CORS"})
@Enabled(false)
@StackTrace(false)
final class DecisionRecord extends Event {

    static final String NAME = "io.github.jaxrscors.Decision";

    @Label("Outcome")
    @Nullable String outcome;

    @Label("Reason")
    @Nullable String reason;

    @Label("Policy")
    @Nullable String policy;

    @Label("Method")
    @Nullable String method;

    @Label("Path Template")
    @Nullable String pathTemplate;

    @Label("Origin")
    @Description("The request's Origin, escaped; null without one")
    @Nullable String origin;

    /**
     * Whether a recording takes the event. The event object is never stored, so the JIT removes its
     * allocation (measured: the allowed GET allocates nothing more with the event disabled).
     */
    static boolean enabled() {
        return new DecisionRecord().isEnabled();
    }

    static void commit(CorsDecisionEvent event) {
        DecisionRecord r = new DecisionRecord();
        r.outcome = event.outcome().name();
        r.reason = event.reason().name();
        r.policy = event.policy();
        r.method = event.method();
        r.pathTemplate = event.pathTemplate();
        r.origin = event.origin();
        r.commit();
    }
}
