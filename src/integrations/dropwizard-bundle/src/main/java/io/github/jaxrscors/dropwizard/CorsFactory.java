package io.github.jaxrscors.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.jaxrscors.CorsFeature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cors:} block of a Dropwizard service's YAML: the application-wide options (inherited
 * from {@link CorsOptionsFactory}), the path rules, and the server's own origins.
 *
 * <pre>
 * cors:
 *   origins: [https://app.example.com]
 *   supportsCredentials: true
 *   maxAge: 10 minutes
 *   resources:
 *     - path: /notes.*
 * </pre>
 *
 * Checked with the rest of the configuration, before the application runs: a value the library
 * refuses is a constraint violation at its YAML path ({@code cors.origins[1]}).
 */
@ValidCorsConfiguration
public class CorsFactory extends CorsOptionsFactory {

    /** Whether the bundle registers CORS at all. */
    private boolean enabled = true;

    /** Path rules, the first matching one winning; without rules every resource is covered. */
    @NotNull
    private List<@NotNull @Valid Rule> resources = new ArrayList<>();

    /** Whether only {@code @CrossOrigin} classes and methods are covered. */
    private boolean annotatedOnly;

    /** The server's own public origins ({@code scheme://host[:port]}) as browsers reach it. */
    private List<String> publicOrigins;

    /** Whether the request's own origin is read from {@code Forwarded} / {@code X-Forwarded-*}. Library default: false. */
    private Boolean trustForwardedHeaders;

    /** @return whether the bundle registers CORS */
    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled false to register nothing */
    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the path rules */
    @JsonProperty
    public List<Rule> getResources() {
        return resources;
    }

    /** @param resources the path rules */
    @JsonProperty
    public void setResources(List<Rule> resources) {
        this.resources = resources;
    }

    /** @return whether only annotated resources are covered */
    @JsonProperty
    public boolean isAnnotatedOnly() {
        return annotatedOnly;
    }

    /** @param annotatedOnly true to cover only {@code @CrossOrigin} classes and methods */
    @JsonProperty
    public void setAnnotatedOnly(boolean annotatedOnly) {
        this.annotatedOnly = annotatedOnly;
    }

    /** @return the server's own public origins, or null */
    @JsonProperty
    public List<String> getPublicOrigins() {
        return publicOrigins;
    }

    /** @param publicOrigins the server's own public origins */
    @JsonProperty
    public void setPublicOrigins(List<String> publicOrigins) {
        this.publicOrigins = publicOrigins;
    }

    /** @return whether forwarded headers are trusted, or null */
    @JsonProperty
    public Boolean getTrustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    /** @param trustForwardedHeaders whether forwarded headers are trusted */
    @JsonProperty
    public void setTrustForwardedHeaders(Boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /**
     * The feature this block describes.
     *
     * @return the feature to register
     */
    public CorsFeature build() {
        return Binding.feature(this);
    }

    /** One path rule: {@code cors.resources[n]}. */
    public static class Rule extends CorsOptionsFactory {

        /** The Java regular expression the WHOLE request path (relative to the application, leading /) must match. */
        @NotEmpty
        private String path;

        /** @return the path regex */
        @JsonProperty
        public String getPath() {
            return path;
        }

        /** @param path the path regex */
        @JsonProperty
        public void setPath(String path) {
            this.path = path;
        }
    }
}
