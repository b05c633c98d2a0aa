package io.github.jaxrscors.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The parameters of the tiers that run {@link BenchApp} on Jersey: the filter and pipeline tiers. */
@State(Scope.Benchmark)
public abstract class AppParams {

    /**
     * {@code none}, {@code floor}, {@code jaxrsCors} or {@code resteasy} (see {@link BenchApp});
     * {@code jaxrsCorsCrossSite} (the library with crossSiteProtection) on request, with
     * {@code -p config=jaxrsCors,jaxrsCorsCrossSite}.
     */
    @Param({"none", "floor", "jaxrsCors", "resteasy"})
    public String config;

    @Param({"allowed", "noOrigin", "disallowed", "preflightAllowed", "preflightRejected"})
    public String scenario;

    /** Listed exact origins (the library and RESTEasy; the library adds 10 patterns). */
    @Param({"1", "100", "10000"})
    public int origins;

    /** Resource classes carrying {@code @CrossOrigin}. */
    @Param({"1", "50"})
    public int annotated;
}
