package io.github.jaxrscors;

/**
 * One layer of configuration and where it came from, for messages
 * ({@code UserResource#list}, {@code resource("/api/.*")}, {@code jaxrs.cors.* properties}).
 *
 * @param options        the options set at this layer
 * @param source         where they came from
 * @param fromProperties the layer was read from {@code jaxrs.cors.*} properties, so each option is
 *                       named by its property key in messages
 */
record Layer(CorsOptions options, String source, boolean fromProperties) {

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
            .crossSiteProtection(false)
            .build(), "defaults");

    /** A layer of options set in code or by annotation: messages name {@code source}. */
    Layer(CorsOptions options, String source) {
        this(options, source, false);
    }

    /** The layer read from {@code jaxrs.cors.*} properties: messages name each option's key. */
    static Layer ofProperties(CorsOptions options, String source) {
        return new Layer(options, source, true);
    }

    /** The property key of an option: {@code supportsCredentials} → {@code jaxrs.cors.supports-credentials}. */
    static String propertyKey(String option) {
        StringBuilder sb = new StringBuilder("jaxrs.cors.");
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Where {@code option} of this layer came from: its property key for the properties layer. */
    String describe(String option) {
        return fromProperties ? "property " + propertyKey(option) : source;
    }

    @Override
    public String toString() {
        return source + " " + options;
    }
}
