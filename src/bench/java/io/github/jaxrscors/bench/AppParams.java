package io.github.jaxrscors.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The parameters of the tiers that run {@link BenchApp} on Jersey: the filter and pipeline tiers. */
@State(Scope.Benchmark)
public abstract class AppParams {

    /**
     * {@code none}, {@code floor}, {@code jaxrsCors} or {@code resteasy} (see {@link BenchApp});
     * {@code jaxrsCorsCrossSite} (the library with crossSiteProtection) and {@code jaxrsCorsAppWide}
     * (the library app-wide alone, on the resource without {@code @CrossOrigin}, whose preflights
     * are answered before matching; {@code annotated} does not change it) on request, with
     * {@code -p config=jaxrsCors,jaxrsCorsCrossSite,jaxrsCorsAppWide}; {@code jaxrsCorsListener} (one
     * decision listener) and {@code jaxrsCorsJfr} (a JFR recording of the decision event) on request
     * too; {@code shape} and
     * {@code shapeHeaders} and {@code shapeAbort} (the library's three filters without the library, see {@link FilterShape})
     * on request too.
     */
    @Param({"none", "floor", "jaxrsCors", "resteasy"})
    public String config;

    @Param({"allowed", "noOrigin", "disallowed", "preflightAllowed", "preflightRejected"})
    public String scenario;

    /** Listed exact origins (the library and RESTEasy; the library adds 10 patterns). */
    @Param({"1", "100", "10000"})
    public int origins;

    /**
     * Origin patterns the library's configurations add to the listed origins (regular
     * expressions, none matching the requests' origins); {@code -p patterns=1,10,50} for the scaling run.
     */
    @Param({"10"})
    public int patterns;

    /** Resource classes carrying {@code @CrossOrigin}; {@code -p annotated=1,50,500} for the scaling run. */
    @Param({"1", "50"})
    public int annotated;
}
