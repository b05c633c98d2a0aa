package io.github.jaxrscors;

import jakarta.ws.rs.core.FeatureContext;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a second {@code CorsFeature} in one application, naming both registrations. Jersey keeps
 * the first registration of a class and drops a second one silently, before it can run:
 * {@code register(CorsFeature.class)} followed by {@code register(CorsFeature.builder()...build())}
 * would run on the defaults (any origin, echoed) and never call the builder's feature. So the
 * dropped one is recognized by this rule: a {@code CorsFeature} built on the thread that starts the
 * application, since the last application started there, and not configured when this application
 * configures its own. Features configured twice in one application (one instance registered
 * in two ways) are configured once; two different ones that both reach Jersey are refused too.
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
        if (dropped != null) {
            throw refused(feature, dropped);
        }
        context.property(CONFIGURED, feature);
        return true;
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
