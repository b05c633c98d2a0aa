package io.github.jaxrscors;

import io.github.jaxrscors.CorsDecisionEvent.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The listener of {@link CorsDecisionListener#refusalSummary()}: counts refused cross-origin
 * requests by reason and logs them at {@code INFO}, at most one line a minute: the first refusal
 * at once, then, with the first refusal a minute or more after the last line, the count since,
 * each reason with its count and one example origin (escaped, as every event's origin is).
 */
final class RefusalSummary implements CorsDecisionListener {

    private final LongSupplier nanoTime;
    private final Map<CorsDecisionEvent.Reason, int[]> counts = new EnumMap<>(CorsDecisionEvent.Reason.class);
    private final Map<CorsDecisionEvent.Reason, String> examples = new EnumMap<>(CorsDecisionEvent.Reason.class);
    private long start;
    private boolean logged;

    RefusalSummary(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Refused: answered 403, or, for an actual request, sent without CORS headers because of its origin. */
    static boolean refused(CorsDecisionEvent event) {
        Outcome o = event.outcome();
        return o == Outcome.PREFLIGHT_REFUSED || o == Outcome.REFUSED_DISALLOWED_ORIGIN || o == Outcome.REFUSED_CROSS_SITE
                || o == Outcome.ACTUAL_WITHOUT_HEADERS && event.reason() == CorsDecisionEvent.Reason.ORIGIN_REFUSED;
    }

    @Override
    public void onDecision(CorsDecisionEvent event) {
        if (!refused(event)) {
            return;
        }
        String line;
        synchronized (this) {
            counts.computeIfAbsent(event.reason(), r -> new int[1])[0]++;
            String origin = event.origin();
            examples.putIfAbsent(event.reason(), origin == null ? "no Origin" : origin);
            long now = nanoTime.getAsLong();
            if (logged && now - start < DecisionEvents.PERIOD_NANOS) {
                return;
            }
            line = line();
            logged = true;
            start = now;
            counts.clear();
            examples.clear();
        }
        CorsLog.info(line);
    }

    /** The summary of the counts so far. */
    private String line() {
        int total = 0;
        StringBuilder reasons = new StringBuilder();
        for (Map.Entry<CorsDecisionEvent.Reason, int[]> e : counts.entrySet()) {
            total += e.getValue()[0];
            reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()[0])
                    .append(" (e.g. ").append(examples.get(e.getKey())).append(')');
        }
        return "refused " + total + " cross-origin " + (total == 1 ? "request" : "requests") + " in the last minute: " + reasons;
    }

    @Override
    public String toString() {
        return "CorsDecisionListener.refusalSummary()";
    }
}
