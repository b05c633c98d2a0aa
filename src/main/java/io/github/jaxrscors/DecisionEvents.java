package io.github.jaxrscors;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Where a logged decision goes besides the DEBUG log: the application's {@link CorsDecisionListener}s
 * and, where a recording enables it, the JFR event {@link DecisionRecord}. {@link JerseyTranslator}
 * calls it from its one log funnel, so each covered request is reported once. With no listener and
 * no recording, {@link #on} is false and nothing is built.
 */
final class DecisionEvents {

    /** JFR is in the runtime (a jlink image may leave the {@code jdk.jfr} module out). */
    private static final boolean JFR = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    /** The report-only WARNING's period: at most one line per reason in it. */
    static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The builder's listeners. */
    private final List<CorsDecisionListener> built;

    /** The builder's listeners, then the application's providers not among them; set again at each startup. */
    private volatile CorsDecisionListener[] listeners;
    private final LongSupplier nanoTime;

    /** Report-only refusals per reason, for the rate-limited WARNING. */
    private final Window[] reported = new Window[CorsDecision.Reason.values().length];

    DecisionEvents(List<CorsDecisionListener> listeners) {
        this(listeners, System::nanoTime);
    }

    /** With the clock of the rate-limited WARNING (tests pass their own). */
    DecisionEvents(List<CorsDecisionListener> listeners, LongSupplier nanoTime) {
        this.built = List.copyOf(listeners);
        this.listeners = built.toArray(new CorsDecisionListener[0]);
        this.nanoTime = nanoTime;
        for (int i = 0; i < reported.length; i++) {
            reported[i] = new Window();
        }
    }

    /**
     * The report-only refusals of one reason since its last WARNING line.
     * Guarded by itself; touched only by report-only refusals.
     */
    private static final class Window {
        private long start;
        private boolean logged;
        private int count;
        private @Nullable String example;
    }

    /**
     * Adds the listeners the application registered as providers (Jersey made those registered as
     * classes) after the builder's; one registered both ways is called once.
     *
     * @param providers the {@code CorsDecisionListener} providers of the application, in Jersey's order
     */
    void providers(Iterable<CorsDecisionListener> providers) {
        Set<CorsDecisionListener> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(built);
        List<CorsDecisionListener> all = new ArrayList<>(built);
        for (CorsDecisionListener l : providers) {
            if (seen.add(l)) {
                all.add(l);
            }
        }
        listeners = all.toArray(new CorsDecisionListener[0]);
    }

    /** Whether decisions are turned into events; asked before anything is built. */
    boolean on() {
        return listeners.length != 0 || JFR && DecisionRecord.enabled();
    }

    /** Whether this decision must be turned into an event; asked before anything is built. */
    boolean on(CorsDecision decision) {
        return decision.reportedOnly() || on();
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
        if (decision.reportedOnly()) {
            warn(event);
        }
        emit(event);
    }

    /**
     * Tells the JFR recording and every listener of an event: a request Jersey decided, or a
     * WebSocket upgrade ({@code WebSocketGuard}: method {@code GET}, the endpoint's path template).
     */
    void emit(CorsDecisionEvent event) {
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

    /**
     * The report-only WARNING: the first refusal of a reason is logged at once; the next ones are
     * counted, and the first one a minute or more after the last line logs the count with one
     * example (so at most one line per reason per minute).
     */
    private void warn(CorsDecisionEvent event) {
        Window w = reported[event.reason().ordinal()];
        int count;
        String example;
        synchronized (w) {
            long now = nanoTime.getAsLong();
            w.count++;
            if (w.example == null) {
                w.example = event.toString();
            }
            if (w.logged && now - w.start < PERIOD_NANOS) {
                return;
            }
            count = w.count;
            example = w.example;
            w.logged = true;
            w.start = now;
            w.count = 0;
            w.example = null;
        }
        String option = event.reason() == CorsDecisionEvent.Reason.ORIGIN_REFUSED ? "rejectDisallowedOrigins" : "crossSiteProtection";
        CorsLog.warn(option + " (report-only) would have refused " + count + (count == 1 ? " request" : " requests")
                + " in the last minute for " + event.reason() + ", e.g. " + example
                + "; they went on as with the option off. Enforce it once every origin you trust is listed.");
    }

    /** The public outcome of a logged decision. */
    static Outcome outcome(CorsDecision decision, boolean preflight) {
        switch (decision.outcome()) {
            case ALLOWED:
                return preflight ? Outcome.PREFLIGHT_ALLOWED : Outcome.ACTUAL_ALLOWED;
            case WITHOUT_HEADERS:
                return Outcome.ACTUAL_WITHOUT_HEADERS;
            case REPORTED:
                return Outcome.WOULD_REFUSE;
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
