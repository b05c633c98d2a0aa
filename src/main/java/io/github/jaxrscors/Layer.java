package io.github.jaxrscors;

/**
 * One layer of configuration and where it came from, for messages
 * ({@code UserResource#list}, {@code resource("/api/.*")}, {@code jaxrs.cors.* properties}).
 *
 * @param options the options set at this layer
 * @param source  where they came from
 */
record Layer(CorsOptions options, String source) {

    static final Layer DEFAULTS = new Layer(CorsOptions.builder()
            .origins("*")
            .methods("GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE")
            .allowHeaders("*")
            .exposeHeaders()
            .supportsCredentials(false)
            .sendWildcard(false)
            .varyHeader(true)
            .allowPrivateNetwork(false)
            .automaticOptions(true)
            .interceptExceptions(true)
            .rejectDisallowedOrigins(false)
            .build(), "defaults");

    /** Where {@code option} of this layer came from: the property key for the properties layer. */
    String describe(String option) {
        return source.equals(PropertyReader.SOURCE) ? "property " + PropertyReader.key(option) : source;
    }

    @Override
    public String toString() {
        return source + " " + options;
    }
}
