package io.github.jaxrscors;

import jakarta.ws.rs.Path;
import java.util.List;
import org.glassfish.jersey.internal.inject.Providers;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.jspecify.annotations.Nullable;

/**
 * Adds the application's policies to {@link ApplicationPolicies} while its container runs it, so
 * a {@code CorsWebSocketConfigurator} made by the WebSocket container finds them; and hands the
 * {@link CorsDecisionListener}s registered on the application as providers to its {@link DecisionEvents}.
 */
final class ApplicationRegistration implements ContainerLifecycleListener {

    private final PolicyTable table;
    private final ServerOrigin server;
    private final DecisionEvents events;
    private @Nullable ClassLoader loader;
    private ApplicationPolicies.@Nullable Application application;

    ApplicationRegistration(PolicyTable table, ServerOrigin server, DecisionEvents events) {
        this.table = table;
        this.server = server;
        this.events = events;
    }

    @Override
    public synchronized void onStartup(Container container) {
        events.providers(Providers.getAllProviders(container.getApplicationHandler().getInjectionManager(), CorsDecisionListener.class));
        if (application != null) {
            return;
        }
        String name = name(container.getConfiguration());
        loader = ApplicationPolicies.current();
        boolean servlet = StartupChecks.SERVLET_CONTAINER.equals(container.getClass().getName());
        application = new ApplicationPolicies.Application("the Jersey application " + name, table, server, events, servlet);
        if (servlet) {
            warnUpgradesUnseen(container, name);
        }
        ApplicationPolicies.register(loader, application);
    }

    /**
     * A servlet context that serves WebSocket endpoints (its {@code ServerContainer} attribute is
     * set) without the library's upgrade hook: {@code checkOrigin} sees the {@code Origin} alone
     * there, so same-origin pages (by {@code Host}), path rules and request-aware predicates cannot
     * be told, and the upgrades they would allow are refused. Said once, at startup, with the fix.
     * Read by reflection: the servlet API is an optional dependency.
     */
    private static void warnUpgradesUnseen(Container container, String name) {
        Object context;
        try {
            context = container.getClass().getMethod("getServletContext").invoke(container);
            if (context == null) {
                return;
            }
            java.lang.reflect.Method attribute = context.getClass().getMethod("getAttribute", String.class);
            if (attribute.invoke(context, "jakarta.websocket.server.ServerContainer") == null
                    || attribute.invoke(context, WebSocketGuard.HOOK_ATTRIBUTE) != null) {
                return;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return;
        }
        CorsLog.warn("The servlet context of the Jersey application " + name + " serves WebSocket endpoints, but "
                + "io.github.jaxrscors.CorsServletFilter is not registered as its ServletContainerInitializer, so a "
                + "CorsWebSocketConfigurator sees an upgrade's Origin alone: a same-origin page is recognized only through "
                + "publicOrigins, and where resource(...) rules or a request-aware originPredicate would decide, every cross-origin "
                + "upgrade is refused with 403. In a war it is found by itself; embedded, add it: Jetty "
                + "context.addServletContainerInitializer(new CorsServletFilter(), endpoints...), Tomcat "
                + "context.addServletContainerInitializer(new CorsServletFilter(), Set.of(endpoints...)) (docs/deployment.md).");
    }

    /** The application's name, else its class, else (a bare {@code ResourceConfig}) its first root resources. */
    static String name(ResourceConfig config) {
        if (config.getApplicationName() != null) {
            return config.getApplicationName();
        }
        Class<?> application = config.getApplication() == null ? config.getClass() : config.getApplication().getClass();
        if (application != ResourceConfig.class) {
            return JerseyTranslator.name(application);
        }
        List<String> resources = config.getClasses().stream().filter(c -> c.isAnnotationPresent(Path.class))
                .map(JerseyTranslator::name).sorted().limit(3).toList();
        return "ResourceConfig" + resources;
    }

    @Override
    public void onReload(Container container) {
        // Jersey shuts the old application down (onShutdown) and starts this one with onStartup next.
    }

    @Override
    public synchronized void onShutdown(Container container) {
        ApplicationPolicies.Application running = application;
        ClassLoader registeredUnder = loader;
        if (running != null && registeredUnder != null) {
            ApplicationPolicies.unregister(registeredUnder, running);
            application = null;
        }
    }

    @Override
    public String toString() {
        return "ApplicationRegistration{" + (application == null ? "not running" : application + " under " + loader) + "}";
    }
}
