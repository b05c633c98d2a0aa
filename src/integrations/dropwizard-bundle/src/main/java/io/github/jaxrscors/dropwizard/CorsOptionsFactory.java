package io.github.jaxrscors.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import java.util.List;

/**
 * The options one layer of CORS can set, in a Dropwizard YAML block: the application-wide layer
 * ({@code cors:}) and each path rule ({@code cors.resources[n]}). An option left out inherits the next
 * layer: for a rule the application-wide options, for those the library's defaults. Names and
 * meanings are those of {@code CorsOptions.Builder}.
 */
public class CorsOptionsFactory {

    /** Origins allowed to read responses: exact ({@code https://app.example.com}), subdomain wildcards, port wildcards, {@code "*"} or {@code "null"}. Library default: {@code "*"} (echoed). */
    private List<String> origins;

    /** Java regular expressions, each matching the WHOLE {@code Origin} value. */
    private List<String> originPatterns;

    /** Methods a preflight allows. Library default: GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE. */
    private List<String> methods;

    /** Request header names a preflight allows, or {@code "*"}. Library default: {@code "*"}. */
    private List<String> allowHeaders;

    /** Regular expressions for allowed request header names (whole-name, case-insensitive). */
    private List<String> allowHeaderPatterns;

    /** Response headers scripts may read. Library default: none. */
    private List<String> exposeHeaders;

    /** Whether to send {@code Access-Control-Allow-Credentials: true}. Library default: false. */
    private Boolean supportsCredentials;

    /** How long browsers may cache a preflight ({@code 10 minutes}, {@code 600s}). Library default: not sent. */
    private Duration maxAge;

    /** Whether to answer {@code *} instead of echoing the origin (origins {@code *}, no credentials). Library default: false. */
    private Boolean sendWildcard;

    /** Whether to add {@code Vary: Origin} when the answer depends on the origin. Library default: true. */
    private Boolean varyHeader;

    /** Whether private-network preflights are answered with true. Library default: false. */
    private Boolean allowPrivateNetwork;

    /** Whether the library answers preflights itself, even where a resource declares {@code @OPTIONS}. Library default: true. */
    private Boolean automaticOptions;

    /** Whether error responses carry the CORS headers. Library default: true. */
    private Boolean interceptExceptions;

    /** Whether requests from a disallowed origin are refused with 403. Library default: false. */
    private Boolean rejectDisallowedOrigins;

    /** Whether cross-site unsafe-method requests are refused with 403. Library default: false. */
    private Boolean crossSiteProtection;

    /** Report-only {@code rejectDisallowedOrigins}: what it would refuse proceeds, and a {@code WARNING} says so. Library default: false. */
    private Boolean rejectDisallowedOriginsReportOnly;

    /** Report-only {@code crossSiteProtection}: what it would refuse proceeds, and a {@code WARNING} says so. Library default: false. */
    private Boolean crossSiteProtectionReportOnly;

    /** @return origins, or null when not set */
    @JsonProperty
    public List<String> getOrigins() {
        return origins;
    }

    /** @param origins origins, null for not set */
    @JsonProperty
    public void setOrigins(List<String> origins) {
        this.origins = origins;
    }

    /** @return originPatterns, or null when not set */
    @JsonProperty
    public List<String> getOriginPatterns() {
        return originPatterns;
    }

    /** @param originPatterns originPatterns, null for not set */
    @JsonProperty
    public void setOriginPatterns(List<String> originPatterns) {
        this.originPatterns = originPatterns;
    }

    /** @return methods, or null when not set */
    @JsonProperty
    public List<String> getMethods() {
        return methods;
    }

    /** @param methods methods, null for not set */
    @JsonProperty
    public void setMethods(List<String> methods) {
        this.methods = methods;
    }

    /** @return allowHeaders, or null when not set */
    @JsonProperty
    public List<String> getAllowHeaders() {
        return allowHeaders;
    }

    /** @param allowHeaders allowHeaders, null for not set */
    @JsonProperty
    public void setAllowHeaders(List<String> allowHeaders) {
        this.allowHeaders = allowHeaders;
    }

    /** @return allowHeaderPatterns, or null when not set */
    @JsonProperty
    public List<String> getAllowHeaderPatterns() {
        return allowHeaderPatterns;
    }

    /** @param allowHeaderPatterns allowHeaderPatterns, null for not set */
    @JsonProperty
    public void setAllowHeaderPatterns(List<String> allowHeaderPatterns) {
        this.allowHeaderPatterns = allowHeaderPatterns;
    }

    /** @return exposeHeaders, or null when not set */
    @JsonProperty
    public List<String> getExposeHeaders() {
        return exposeHeaders;
    }

    /** @param exposeHeaders exposeHeaders, null for not set */
    @JsonProperty
    public void setExposeHeaders(List<String> exposeHeaders) {
        this.exposeHeaders = exposeHeaders;
    }

    /** @return supportsCredentials, or null when not set */
    @JsonProperty
    public Boolean getSupportsCredentials() {
        return supportsCredentials;
    }

    /** @param supportsCredentials supportsCredentials, null for not set */
    @JsonProperty
    public void setSupportsCredentials(Boolean supportsCredentials) {
        this.supportsCredentials = supportsCredentials;
    }

    /** @return maxAge, or null when not set */
    @JsonProperty
    public Duration getMaxAge() {
        return maxAge;
    }

    /** @param maxAge maxAge, null for not set */
    @JsonProperty
    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** @return sendWildcard, or null when not set */
    @JsonProperty
    public Boolean getSendWildcard() {
        return sendWildcard;
    }

    /** @param sendWildcard sendWildcard, null for not set */
    @JsonProperty
    public void setSendWildcard(Boolean sendWildcard) {
        this.sendWildcard = sendWildcard;
    }

    /** @return varyHeader, or null when not set */
    @JsonProperty
    public Boolean getVaryHeader() {
        return varyHeader;
    }

    /** @param varyHeader varyHeader, null for not set */
    @JsonProperty
    public void setVaryHeader(Boolean varyHeader) {
        this.varyHeader = varyHeader;
    }

    /** @return allowPrivateNetwork, or null when not set */
    @JsonProperty
    public Boolean getAllowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /** @param allowPrivateNetwork allowPrivateNetwork, null for not set */
    @JsonProperty
    public void setAllowPrivateNetwork(Boolean allowPrivateNetwork) {
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    /** @return automaticOptions, or null when not set */
    @JsonProperty
    public Boolean getAutomaticOptions() {
        return automaticOptions;
    }

    /** @param automaticOptions automaticOptions, null for not set */
    @JsonProperty
    public void setAutomaticOptions(Boolean automaticOptions) {
        this.automaticOptions = automaticOptions;
    }

    /** @return interceptExceptions, or null when not set */
    @JsonProperty
    public Boolean getInterceptExceptions() {
        return interceptExceptions;
    }

    /** @param interceptExceptions interceptExceptions, null for not set */
    @JsonProperty
    public void setInterceptExceptions(Boolean interceptExceptions) {
        this.interceptExceptions = interceptExceptions;
    }

    /** @return rejectDisallowedOrigins, or null when not set */
    @JsonProperty
    public Boolean getRejectDisallowedOrigins() {
        return rejectDisallowedOrigins;
    }

    /** @param rejectDisallowedOrigins rejectDisallowedOrigins, null for not set */
    @JsonProperty
    public void setRejectDisallowedOrigins(Boolean rejectDisallowedOrigins) {
        this.rejectDisallowedOrigins = rejectDisallowedOrigins;
    }

    /** @return crossSiteProtection, or null when not set */
    @JsonProperty
    public Boolean getCrossSiteProtection() {
        return crossSiteProtection;
    }

    /** @param crossSiteProtection crossSiteProtection, null for not set */
    @JsonProperty
    public void setCrossSiteProtection(Boolean crossSiteProtection) {
        this.crossSiteProtection = crossSiteProtection;
    }

    /** @return rejectDisallowedOriginsReportOnly, or null when not set */
    @JsonProperty
    public Boolean getRejectDisallowedOriginsReportOnly() {
        return rejectDisallowedOriginsReportOnly;
    }

    /** @param rejectDisallowedOriginsReportOnly rejectDisallowedOriginsReportOnly, null for not set */
    @JsonProperty
    public void setRejectDisallowedOriginsReportOnly(Boolean rejectDisallowedOriginsReportOnly) {
        this.rejectDisallowedOriginsReportOnly = rejectDisallowedOriginsReportOnly;
    }

    /** @return crossSiteProtectionReportOnly, or null when not set */
    @JsonProperty
    public Boolean getCrossSiteProtectionReportOnly() {
        return crossSiteProtectionReportOnly;
    }

    /** @param crossSiteProtectionReportOnly crossSiteProtectionReportOnly, null for not set */
    @JsonProperty
    public void setCrossSiteProtectionReportOnly(Boolean crossSiteProtectionReportOnly) {
        this.crossSiteProtectionReportOnly = crossSiteProtectionReportOnly;
    }
}
