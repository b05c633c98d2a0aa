package io.github.jaxrscors.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's "APPLICATION FAILED TO START" report for a refused CORS configuration: the property, the reason, the fix. */
final class InvalidCorsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCorsConfigurationException> {

    /** Made by Boot from {@code META-INF/spring.factories}. */
    InvalidCorsConfigurationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCorsConfigurationException cause) {
        return new FailureAnalysis("Invalid CORS configuration: " + cause.getMessage(),
                "Update " + cause.getProperty() + " in the application's configuration (application.yml or .properties, a profile, "
                        + "a JAXRS_CORS_* environment variable or a --jaxrs.cors.* argument).", cause);
    }
}
