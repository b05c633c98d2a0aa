package io.github.jaxrscors.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jaxrs.cors.*} properties, bound from Boot's {@code Environment} ({@code application.yml},
 * profiles, {@code JAXRS_CORS_*} environment variables, command-line arguments) onto
 * {@code CorsFeature.builder()}. The application-wide options are inherited from
 * {@link CorsOptionProperties}; {@link #getResources() resources} are the path rules, each with its
 * own options layered on top.
 *
 * <pre>
 * jaxrs:
 *   cors:
 *     origins: https://app.example.com
 *     supports-credentials: true
 *     resources:
 *       - path: /notes.*
 *         max-age: 10m
 * </pre>
 */
@ConfigurationProperties(prefix = "jaxrs.cors")
public class JaxrsCorsProperties extends CorsOptionProperties {

    /** Whether the starter registers CORS on Boot's Jersey ResourceConfig. */
    private boolean enabled = true;

    /**
     * Path rules, the first matching one winning: each a "path" (a Java regular expression matching
     * the WHOLE request path relative to the application, such as /notes.*) and the options it
     * overrides. Without rules every resource is covered.
     */
    private List<Resource> resources = new ArrayList<>();

    /** Whether only @CrossOrigin classes and methods are covered (no path coverage). */
    private boolean annotatedOnly;

    /**
     * The server's own public origins (scheme://host[:port]) as browsers reach it, for the
     * same-origin exemption of reject-disallowed-origins and for cross-site-protection.
     */
    private List<String> publicOrigins;

    /**
     * Whether the request's own origin is read from Forwarded / X-Forwarded-Proto and
     * X-Forwarded-Host. Only behind a proxy that sets them on every request. Library default: false.
     */
    private Boolean trustForwardedHeaders;

    /** The Micrometer counters of the CORS decisions. */
    private final Metrics metrics = new Metrics();

    public Metrics getMetrics() {
        return metrics;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<Resource> getResources() {
        return resources;
    }

    public void setResources(List<Resource> resources) {
        this.resources = resources;
    }

    public boolean isAnnotatedOnly() {
        return annotatedOnly;
    }

    public void setAnnotatedOnly(boolean annotatedOnly) {
        this.annotatedOnly = annotatedOnly;
    }

    public List<String> getPublicOrigins() {
        return publicOrigins;
    }

    public void setPublicOrigins(List<String> publicOrigins) {
        this.publicOrigins = publicOrigins;
    }

    public Boolean getTrustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    public void setTrustForwardedHeaders(Boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /** One path rule: {@code jaxrs.cors.resources[n]}. */
    public static class Resource extends CorsOptionProperties {

        /** The Java regular expression the WHOLE request path (relative to the application, leading /) must match. */
        private String path;

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** {@code jaxrs.cors.metrics.*}: the counter {@code jaxrs.cors.requests}, where the application has a Micrometer MeterRegistry. */
    public static class Metrics {

        /** Whether the CORS decisions are counted (jaxrs.cors.requests) in the application's MeterRegistry, where it has one. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
