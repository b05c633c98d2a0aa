package io.github.jaxrscors;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a logged decision goes besides the DEBUG log: the application's {@link CorsDecisionListener}s
 * and, where a recording enables it, the JFR event {@link DecisionRecord}. {@link JerseyTranslator}
 * calls it from its one log funnel, so each covered request is reported once. With no listener and
 * no recording, {@link #on} is false and nothing is built.
 */
final class DecisionEvents {

    /** No listener. */
    static final DecisionEvents NONE = new DecisionEvents(List.of());

    /** JFR is in the runtime (a jlink image may leave the {@code jdk.jfr} module out). */
    private static final boolean JFR = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private final CorsDecisionListener[] listeners;

    DecisionEvents(List<CorsDecisionListener> listeners) {
        this.listeners = listeners.toArray(new CorsDecisionListener[0]);
    }

    /** Whether decisions are turned into events; asked before anything is built. */
    boolean on() {
        return listeners.length != 0 || JFR && DecisionRecord.enabled();
    }

    /** Whether this decision must be turned into an event; asked before anything is built. */
    boolean on(CorsDecision decision) {
        return on();
    }

    /**
     * Tells every listener; one that throws is logged (at WARNING once per listener class) and the
     * others and the request go on.
     *
     * @param decision  the decision logged
     * @param covering  the policy covering the request (named where the decision names none, as for no Origin)
     * @param preflight the request is a preflight
     * @param template  the matched path template, or empty
     * @param origin    {@code Origin} as sent, or null
     */
    void emit(CorsDecision decision, CorsPolicy covering, boolean preflight, String method, String template, @Nullable String origin) {
        CorsPolicy decider = decision.policy();
        CorsDecisionEvent event = new CorsDecisionEvent(outcome(decision, preflight), reason(decision.reason()),
                (decider != null ? decider : covering).source(), method, template, origin == null ? null : CorsLog.escapeUnquoted(origin));
        if (JFR && DecisionRecord.enabled()) {
            DecisionRecord.commit(event);
        }
        for (CorsDecisionListener listener : listeners) {
            try {
                listener.onDecision(event);
            } catch (RuntimeException e) {
                CorsLog.warnOnce(listener.getClass(), () -> "CorsDecisionListener " + listener.getClass().getName() + " threw " + e
                        + " on " + event + "; the request goes on (logged once at WARNING, then at DEBUG)");
            }
        }
    }

    /** The public outcome of a logged decision. */
    static Outcome outcome(CorsDecision decision, boolean preflight) {
        switch (decision.outcome()) {
            case ALLOWED:
                return preflight ? Outcome.PREFLIGHT_ALLOWED : Outcome.ACTUAL_ALLOWED;
            case WITHOUT_HEADERS:
                return Outcome.ACTUAL_WITHOUT_HEADERS;
            case FORBIDDEN:
                return preflight ? Outcome.PREFLIGHT_REFUSED
                        : decision.reason() == CorsDecision.Reason.ORIGIN_REFUSED ? Outcome.REFUSED_DISALLOWED_ORIGIN : Outcome.REFUSED_CROSS_SITE;
            default:
                // PASSED is never logged: crossSiteProtection logs the actual decision in its place.
                throw new AssertionError(decision);
        }
    }

    /** The public code of a logged decision's reason (the same name; crossSiteProtection's passes are never logged). */
    static CorsDecisionEvent.Reason reason(CorsDecision.Reason reason) {
        return CorsDecisionEvent.Reason.valueOf(reason.name());
    }

    @Override
    public String toString() {
        return "DecisionEvents{" + listeners.length + " listeners}";
    }
}
