package io.github.jaxrscors;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The policies of the Jersey applications running in a class loader, for code that Jersey does not
 * instantiate: {@code CorsWebSocketConfigurator}, made by the WebSocket container, finds the
 * application's options here. An application is added when its container starts it and removed
 * when the container stops it ({@code ApplicationRegistration}). Keyed by the thread's context
 * class loader, which is the web application's own in a servlet container, so two applications in
 * one container do not see each other.
 */
final class ApplicationPolicies {

    /**
     * One running application.
     *
     * @param name   the application, as messages name it
     * @param table  its policies, by path and annotated method
     * @param server  its own origins (publicOrigins, trustForwardedHeaders)
     * @param events  its decision listeners, told of WebSocket upgrades too
     * @param servlet it runs in a servlet container (Jersey's servlet or filter), where an upgrade's
     *                request is shown to {@code checkOrigin} only through {@code UpgradeRequests}
     */
    record Application(String name, PolicyTable table, ServerOrigin server, DecisionEvents events, boolean servlet) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Held weakly: the application's registration holds it, so one that is dropped without being
     * stopped (an application handler a test starts and forgets) leaves no trace.
     */
    private static final Map<ClassLoader, List<WeakReference<Application>>> BY_LOADER = new WeakHashMap<>();

    /** Counts registrations and removals, so a resolved check knows when to look again. */
    private static volatile long generation;

    private ApplicationPolicies() {
    }

    /** The key of the calling thread: its context class loader, else the system class loader. */
    static ClassLoader current() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    static synchronized void register(ClassLoader loader, Application application) {
        BY_LOADER.computeIfAbsent(loader, l -> new ArrayList<>()).add(new WeakReference<>(application));
        generation++;
    }

    static synchronized void unregister(ClassLoader loader, Application application) {
        List<WeakReference<Application>> applications = BY_LOADER.get(loader);
        if (applications != null) {
            applications.removeIf(r -> r.get() == null || r.get() == application);
            if (applications.isEmpty()) {
                BY_LOADER.remove(loader);
            }
        }
        generation++;
    }

    /** Changes whenever an application is added or removed: what was resolved before may no longer hold. */
    static long generation() {
        return generation;
    }

    /**
     * The applications registered under {@code loader}, empty when none. Only that loader: an
     * application registered under a parent (a container's shared loader) belongs to no one web
     * application, so it is not lent to any.
     */
    static synchronized List<Application> registered(ClassLoader loader) {
        List<WeakReference<Application>> references = BY_LOADER.get(loader);
        List<Application> applications = new ArrayList<>();
        if (references != null) {
            for (WeakReference<Application> r : references) {
                Application application = r.get();
                if (application != null) {
                    applications.add(application);
                }
            }
        }
        return applications;
    }
}
