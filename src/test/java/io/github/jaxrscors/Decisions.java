package io.github.jaxrscors;

import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's decisions as the engine tests ask them most: no request view for an origin
 * predicate, and (for actual requests) no configured own origins besides the request's.
 */
final class Decisions {

    private Decisions() {
    }

    /** {@link CorsProcessor#actual} with the request's own origin only, and no request view. */
    static CorsDecision actual(CorsPolicy policy, String origin, String requestOrigin) {
        return CorsProcessor.actual(policy, origin, ServerOrigin.REQUEST_ONLY, requestOrigin, null);
    }

    /** {@link CorsProcessor#crossSite} without a request view. */
    static CorsDecision crossSite(CorsPolicy policy, String method, String origin, String secFetchSite, ServerOrigin server,
            Supplier<String> requestOrigin) {
        return CorsProcessor.crossSite(policy, method, origin, secFetchSite, server, requestOrigin, null);
    }

    /** {@link CorsProcessor#preflight} without a request view. */
    static CorsDecision preflight(List<CorsPolicy> policies, String origin, String requestMethod, String requestHeaders,
            String requestPrivateNetwork) {
        return CorsProcessor.preflight(policies, origin, requestMethod, requestHeaders, requestPrivateNetwork, null);
    }
}
