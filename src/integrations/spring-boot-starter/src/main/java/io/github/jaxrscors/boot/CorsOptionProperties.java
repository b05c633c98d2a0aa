package io.github.jaxrscors.boot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.convert.DurationUnit;

/**
 * The options one layer of CORS can set: the application-wide layer ({@code jaxrs.cors.*}) and each
 * path rule ({@code jaxrs.cors.resources[n].*}). An option left unset inherits the next layer: for a
 * rule the application-wide options, for those the library's defaults. The names and meanings are
 * those of {@code CorsOptions.Builder}.
 */
public class CorsOptionProperties {

    /**
     * Origins allowed to read responses: exact origins (https://app.example.com), subdomain
     * wildcards (https://*.example.com), port wildcards (http://localhost:*), "*" for any, "null"
     * only when listed. Library default: "*" (echoed).
     */
    private List<String> origins;

    /** Java regular expressions, each matching the WHOLE Origin value (escape the dots). */
    private List<String> originPatterns;

    /** Methods a preflight allows. Library default: GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE. */
    private List<String> methods;

    /** Request header names a preflight allows, or "*" for whatever is requested. Library default: "*". */
    private List<String> allowHeaders;

    /** Regular expressions for allowed request header names (whole-name, case-insensitive). */
    private List<String> allowHeaderPatterns;

    /** Response headers scripts may read (Access-Control-Expose-Headers). Library default: none. */
    private List<String> exposeHeaders;

    /** Whether to send Access-Control-Allow-Credentials: true. Library default: false. */
    private Boolean supportsCredentials;

    /**
     * How long browsers may cache a preflight (Access-Control-Max-Age); a plain number is seconds
     * (600, 10m, PT10M). Library default: not sent.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration maxAge;

    /** Whether to answer "*" instead of echoing the origin (only with origins "*" and no credentials). Library default: false. */
    private Boolean sendWildcard;

    /** Whether to add Vary: Origin when the answer depends on the origin. Library default: true. */
    private Boolean varyHeader;

    /** Whether to answer Access-Control-Request-Private-Network preflights with true. Library default: false. */
    private Boolean allowPrivateNetwork;

    /** Whether the library answers preflights itself, even where a resource declares @OPTIONS. Library default: true. */
    private Boolean automaticOptions;

    /** Whether error responses (mapped exceptions, 404, 405, unmapped 500) carry the CORS headers. Library default: true. */
    private Boolean interceptExceptions;

    /** Whether requests from a disallowed origin are refused with 403 before the resource runs. Library default: false. */
    private Boolean rejectDisallowedOrigins;

    /** Whether cross-site unsafe-method requests (Sec-Fetch-Site, else Origin) are refused with 403. Library default: false. */
    private Boolean crossSiteProtection;

    /**
     * Report-only reject-disallowed-origins: a request it would refuse proceeds (without CORS
     * headers), and the decision event and a rate-limited WARNING say it would have been refused.
     * Library default: false.
     */
    private Boolean rejectDisallowedOriginsReportOnly;

    /**
     * Report-only cross-site-protection: a request it would refuse proceeds, and the decision event
     * and a rate-limited WARNING say it would have been refused. Library default: false.
     */
    private Boolean crossSiteProtectionReportOnly;

    public List<String> getOrigins() {
        return origins;
    }

    public void setOrigins(List<String> origins) {
        this.origins = origins;
    }

    public List<String> getOriginPatterns() {
        return originPatterns;
    }

    public void setOriginPatterns(List<String> originPatterns) {
        this.originPatterns = originPatterns;
    }

    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = methods;
    }

    public List<String> getAllowHeaders() {
        return allowHeaders;
    }

    public void setAllowHeaders(List<String> allowHeaders) {
        this.allowHeaders = allowHeaders;
    }

    public List<String> getAllowHeaderPatterns() {
        return allowHeaderPatterns;
    }

    public void setAllowHeaderPatterns(List<String> allowHeaderPatterns) {
        this.allowHeaderPatterns = allowHeaderPatterns;
    }

    public List<String> getExposeHeaders() {
        return exposeHeaders;
    }

    public void setExposeHeaders(List<String> exposeHeaders) {
        this.exposeHeaders = exposeHeaders;
    }

    public Boolean getSupportsCredentials() {
        return supportsCredentials;
    }

    public void setSupportsCredentials(Boolean supportsCredentials) {
        this.supportsCredentials = supportsCredentials;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Boolean getSendWildcard() {
        return sendWildcard;
    }

    public void setSendWildcard(Boolean sendWildcard) {
        this.sendWildcard = sendWildcard;
    }

    public Boolean getVaryHeader() {
        return varyHeader;
    }

    public void setVaryHeader(Boolean varyHeader) {
        this.varyHeader = varyHeader;
    }

    public Boolean getAllowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    public void setAllowPrivateNetwork(Boolean allowPrivateNetwork) {
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    public Boolean getAutomaticOptions() {
        return automaticOptions;
    }

    public void setAutomaticOptions(Boolean automaticOptions) {
        this.automaticOptions = automaticOptions;
    }

    public Boolean getInterceptExceptions() {
        return interceptExceptions;
    }

    public void setInterceptExceptions(Boolean interceptExceptions) {
        this.interceptExceptions = interceptExceptions;
    }

    public Boolean getRejectDisallowedOrigins() {
        return rejectDisallowedOrigins;
    }

    public void setRejectDisallowedOrigins(Boolean rejectDisallowedOrigins) {
        this.rejectDisallowedOrigins = rejectDisallowedOrigins;
    }

    public Boolean getCrossSiteProtection() {
        return crossSiteProtection;
    }

    public void setCrossSiteProtection(Boolean crossSiteProtection) {
        this.crossSiteProtection = crossSiteProtection;
    }

    public Boolean getRejectDisallowedOriginsReportOnly() {
        return rejectDisallowedOriginsReportOnly;
    }

    public void setRejectDisallowedOriginsReportOnly(Boolean rejectDisallowedOriginsReportOnly) {
        this.rejectDisallowedOriginsReportOnly = rejectDisallowedOriginsReportOnly;
    }

    public Boolean getCrossSiteProtectionReportOnly() {
        return crossSiteProtectionReportOnly;
    }

    public void setCrossSiteProtectionReportOnly(Boolean crossSiteProtectionReportOnly) {
        this.crossSiteProtectionReportOnly = crossSiteProtectionReportOnly;
    }
}
