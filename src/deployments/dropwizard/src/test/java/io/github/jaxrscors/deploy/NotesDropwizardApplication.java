package io.github.jaxrscors.deploy;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;

/**
 * The scenario application as a Dropwizard application: its components on
 * {@code environment.jersey()}, and a {@link FailureRecordingFilter} ahead of Jersey on
 * {@code environment.servlets()}.
 */
public class NotesDropwizardApplication extends Application<Configuration> {

    private final FailureRecordingFilter failures = new FailureRecordingFilter();

    @Override
    public void run(Configuration configuration, Environment environment) {
        NotesApplication.addTo(environment.jersey().getResourceConfig(), true);
        environment.servlets().addFilter("failures", failures).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    FailureRecordingFilter failures() {
        return failures;
    }

    /**
     * Dropwizard's default server with the application at {@code /ctx/api/*} and both connectors on
     * free ports.
     *
     * @param defaultExceptionMappers Dropwizard's own mappers, on by default; they answer every exception
     */
    static Configuration configuration(boolean defaultExceptionMappers) {
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationContextPath("/ctx");
        server.setJerseyRootPath("/api/*");
        server.setRegisterDefaultExceptionMappers(defaultExceptionMappers);
        server.setApplicationConnectors(List.of(connector()));
        server.setAdminConnectors(List.of(connector()));
        Configuration configuration = new Configuration();
        configuration.setServerFactory(server);
        return configuration;
    }

    private static HttpConnectorFactory connector() {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost("localhost");
        connector.setPort(0);
        return connector;
    }
}
