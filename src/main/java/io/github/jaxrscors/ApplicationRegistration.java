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
        application = new ApplicationPolicies.Application("the Jersey application " + name, table, server, events,
                StartupChecks.isServlet(container.getClass()));
        ApplicationPolicies.register(loader, application);
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
