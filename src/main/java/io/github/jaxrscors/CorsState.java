package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jspecify.annotations.Nullable;

/**
 * One request's CORS state, kept under one request property from the request filter to the
 * response filter and the error writer: which policies cover the request, what was decided, and
 * what the library has done with it.
 *
 * @param stage    where the request stands
 * @param policy   the covering policy of an actual request; null for the other stages
 * @param decision the decision taken before the resource method ran, written onto its response;
 *                 null once answered, and for a preflight passed on where one of the methods
 *                 that would serve it is not covered
 */
record CorsState(Stage stage, @Nullable CorsPolicy policy, @Nullable CorsDecision decision) {

    /** The request property the state lives under. */
    static final String PROPERTY = "io.github.jaxrscors.state";

    /** The library answered the request itself (a preflight, a refusal, the 500); nothing more is added. */
    static final CorsState ANSWERED = new CorsState(Stage.ANSWERED, null, null);

    /**
     * A preflight no policy covers, left to Jersey before matching: the request filter after matching
     * does not route it again; the response filter treats its answer as one without a state.
     */
    static final CorsState LEFT = new CorsState(Stage.LEFT, null, null);

    /** Where a request stands. */
    enum Stage {
        /** A covered actual request on its way to the resource method. */
        ACTUAL,
        /** A preflight left to the application's {@code @OPTIONS} method (automaticOptions off). */
        PASSED_ON,
        /** Answered by the library. */
        ANSWERED,
        /** A preflight no policy covers, left to Jersey untouched. */
        LEFT
    }

    /** A covered actual request: its policy and the decision its response gets. */
    static CorsState actual(CorsPolicy policy, CorsDecision decision) {
        // Its own component rather than a one-element list: one object fewer on every covered request.
        return new CorsState(Stage.ACTUAL, policy, decision);
    }

    /** A preflight passed on to a declared {@code @OPTIONS} method, with the decision its answer gets (null: none). */
    static CorsState passedOn(@Nullable CorsDecision decision) {
        return new CorsState(Stage.PASSED_ON, null, decision);
    }

    /** The state of {@code request}, or null where the request filter did not cover it (or never ran). */
    static @Nullable CorsState of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof CorsState state ? state : null;
    }

    void putOn(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /**
     * Records {@code decision} where application code reads it: {@link CorsProperties#ORIGIN_ALLOWED}
     * and {@link CorsProperties#POLICY}. Both values exist already (a cached {@code Boolean}, the
     * policy's source), so this costs two property writes and no allocation of its own.
     *
     * @param originSent the request carries {@code Origin} (a preflight always does)
     */
    static void publish(ContainerRequestContext request, CorsDecision decision, CorsPolicy policy, boolean originSent) {
        // A constant "*" is allowed without Origin too; only an Origin the request sent counts.
        request.setProperty(CorsProperties.ORIGIN_ALLOWED, decision.allowed() && originSent);
        request.setProperty(CorsProperties.POLICY, policy.source());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CorsState{").append(stage);
        if (policy != null) {
            sb.append(", ").append(policy.source());
        }
        if (decision != null) {
            sb.append(", ").append(decision);
        }
        return sb.append('}').toString();
    }
}
