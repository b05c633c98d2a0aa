package io.github.jaxrscors;

import jakarta.ws.rs.core.FeatureContext;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a second {@code CorsFeature} in one application loud. Jersey keeps the first registration
 * of a class and drops a second one silently, before it can run: {@code register(CorsFeature.class)}
 * followed by {@code register(CorsFeature.builder()...build())} would run on the defaults (any
 * origin, echoed) and never call the builder's feature. The dropped one is recognized by this
 * rule: a {@code CorsFeature} built on the thread that starts the application, since the last
 * application started there, and not configured when this application configures its own.
 *
 * <p>The rule cannot tell a dropped feature from one built for another application that starts
 * later on the same thread (test arguments, several servers started by one {@code main}). So it
 * refuses the application only where the configured feature is the class registration
 * ({@code register(CorsFeature.class)} or package scanning: Jersey made it, so any feature the
 * application's code built beside it is the one dropped), and logs a WARNING naming both where
 * the configured one was built by the application's code too. Features configured twice in one
 * application (one instance registered in two ways) are configured once.
 */
final class Registrations {

    /** The configuration property the first configured feature of an application leaves for any later one. */
    static final String CONFIGURED = "io.github.jaxrscors.configured-feature";

    /** The features built on this thread and not configured yet, held weakly (one not kept by anyone is gone). */
    private static final ThreadLocal<List<WeakReference<CorsFeature>>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    private static final int MAX_PENDING = 64;

    private Registrations() {
    }

    /** Notes a feature as built on this thread. */
    static void built(CorsFeature feature) {
        List<WeakReference<CorsFeature>> pending = PENDING.get();
        pending.removeIf(r -> r.get() == null);
        if (pending.size() < MAX_PENDING) {
            pending.add(new WeakReference<>(feature));
        }
    }

    /**
     * Called first when {@code feature} is configured: marks it configured, and refuses the
     * application when another feature was registered beside it.
     *
     * @return false when this very feature was configured in this application already
     * @throws IllegalStateException naming both registrations
     */
    static boolean configuring(CorsFeature feature, FeatureContext context) {
        List<WeakReference<CorsFeature>> pending = PENDING.get();
        CorsFeature dropped = null;
        for (WeakReference<CorsFeature> r : pending) {
            CorsFeature f = r.get();
            if (f != null && f != feature && dropped == null) {
                dropped = f;
            }
        }
        pending.clear();
        Object earlier = context.getConfiguration().getProperty(CONFIGURED);
        if (earlier == feature) {
            return false;
        }
        if (earlier instanceof CorsFeature first) {
            throw refused(first, feature);
        }
        if (dropped != null && context.getConfiguration().getClasses().contains(CorsFeature.class)) {
            throw refused(feature, dropped);
        }
        if (dropped != null) {
            CorsLog.warn(twoBuilt(feature, dropped));
        }
        context.property(CONFIGURED, feature);
        return true;
    }

    private static String twoBuilt(CorsFeature configured, CorsFeature other) {
        return "CORS configuration: this application is configured by " + configured.registration() + ", and "
                + other.registration() + " was built on the same thread since the last application started here but is "
                + "not configured by it. If the application registers both, Jersey dropped the second (it keeps the first "
                + "registration of a class without a word) and the application runs with the first one's options alone: "
                + "register one CorsFeature, with every option on one CorsFeature.builder(). If the other belongs to an "
                + "application that starts later, nothing is wrong.";
    }

    private static IllegalStateException refused(CorsFeature kept, CorsFeature dropped) {
        return PolicyResolver.error("the registration of CorsFeature", "the application registers CorsFeature twice: "
                + kept.registration() + ", and " + dropped.registration() + ". Jersey keeps the first registration of a class "
                + "and drops the second without a word, so the application would run with the first one's options alone. "
                + "Register one CorsFeature: put every option on one CorsFeature.builder() (per-path options go in "
                + "resource(pathRegex, options)); the builder's feature reads the jaxrs.cors.* properties below its own "
                + "options, so it replaces register(CorsFeature.class) too.");
    }
}
