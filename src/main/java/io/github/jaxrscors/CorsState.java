package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;

/**
 * One request's CORS state, kept under one request property from the request filter to the
 * response filter and the error writer: which policies cover the request, what was decided, and
 * what the library has done with it.
 *
 * @param stage    where the request stands
 * @param policies the covering policy of an actual request (one), or the policies of the methods
 *                 that would serve a preflight passed on to a declared {@code @OPTIONS} method
 *                 (empty where one of them is not covered); empty once answered
 * @param decision the decision taken before the resource method ran, written onto its response;
 *                 null once answered
 */
record CorsState(Stage stage, List<CorsPolicy> policies, CorsDecision decision) {

    /** The request property the state lives under. */
    static final String PROPERTY = "io.github.jaxrscors.state";

    /** The library answered the request itself (a preflight, a refusal, the 500); nothing more is added. */
    static final CorsState ANSWERED = new CorsState(Stage.ANSWERED, List.of(), null);

    /** Where a request stands. */
    enum Stage {
        /** A covered actual request on its way to the resource method. */
        ACTUAL,
        /** A preflight left to the application's {@code @OPTIONS} method (automaticOptions off). */
        PASSED_ON,
        /** Answered by the library. */
        ANSWERED
    }

    CorsState {
        policies = List.copyOf(policies);
    }

    /** A covered actual request: its policy and the decision its response gets. */
    static CorsState actual(CorsPolicy policy, CorsDecision decision) {
        return new CorsState(Stage.ACTUAL, List.of(policy), decision);
    }

    /** A preflight passed on to a declared {@code @OPTIONS} method, with the decision its answer gets (null: none). */
    static CorsState passedOn(List<CorsPolicy> policies, CorsDecision decision) {
        return new CorsState(Stage.PASSED_ON, policies, decision);
    }

    /** The state of {@code request}, or null where the request filter did not cover it (or never ran). */
    static CorsState of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof CorsState state ? state : null;
    }

    void putOn(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }

    /**
     * Records {@code decision} where application code reads it: {@link CorsProperties#ORIGIN_ALLOWED}
     * and {@link CorsProperties#POLICY}. Both values exist already (a cached {@code Boolean}, the
     * policy's source), so this costs two property writes (and a header look-up)
     * and no allocation of its own.
     */
    static void publish(ContainerRequestContext request, CorsDecision decision, CorsPolicy policy) {
        // A constant "*" is allowed without Origin too; only an Origin the request sent counts.
        boolean allowed = decision.allowed() && JerseyTranslator.header(request, CorsHeaders.ORIGIN) != null;
        request.setProperty(CorsProperties.ORIGIN_ALLOWED, allowed);
        request.setProperty(CorsProperties.POLICY, policy.source());
    }

    /** The policy of an actual request. */
    CorsPolicy policy() {
        return policies.get(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CorsState{").append(stage);
        for (CorsPolicy p : policies) {
            sb.append(", ").append(p.source());
        }
        if (decision != null) {
            sb.append(", ").append(decision);
        }
        return sb.append('}').toString();
    }
}
