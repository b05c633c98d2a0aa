package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;

/**
 * One request's CORS state, kept under one request property from the request filter to the
 * response filter and the error writer: which policies cover the request and what the library
 * has done with it.
 *
 * @param stage    where the request stands
 * @param policies the covering policy of an actual request (one), or the policies of the methods
 *                 that would serve a preflight passed on to a declared {@code @OPTIONS} method
 *                 (empty where one of them is not covered); empty once answered
 */
record CorsState(Stage stage, List<CorsPolicy> policies) {

    /** The request property the state lives under. */
    static final String PROPERTY = "io.github.jaxrscors.state";

    /** The library answered the request itself (a preflight, a refusal, the 500); nothing more is added. */
    static final CorsState ANSWERED = new CorsState(Stage.ANSWERED, List.of());

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

    static CorsState actual(CorsPolicy policy) {
        return new CorsState(Stage.ACTUAL, List.of(policy));
    }

    static CorsState passedOn(List<CorsPolicy> policies) {
        return new CorsState(Stage.PASSED_ON, policies);
    }

    /** The state of {@code request}, or null where the request filter did not cover it (or never ran). */
    static CorsState of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof CorsState state ? state : null;
    }

    void putOn(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
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
        return sb.append('}').toString();
    }
}
