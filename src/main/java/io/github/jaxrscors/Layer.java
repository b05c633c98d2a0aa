package io.github.jaxrscors;

import org.jspecify.annotations.Nullable;

/**
 * One layer of configuration and where it came from, for messages
 * ({@code UserResource#list}, {@code resource("/api/.*")}, {@code jaxrs.cors.* properties}).
 *
 * @param options        the options set at this layer
 * @param source         where they came from
 * @param fromProperties the layer was read from {@code jaxrs.cors.*} properties, so each option is
 *                       named by its property key in messages
 * @param composed       a layer of the same rank beneath this one, or null: the {@code @CrossOrigin}
 *                       a composed annotation carries, below a direct {@code @CrossOrigin} on the
 *                       same element (each option is taken from the first of the two that sets it)
 */
record Layer(CorsOptions options, String source, boolean fromProperties, @Nullable Layer composed) {

    /** The defaults: each option's {@link Option#defaultValue()}. */
    static final Layer DEFAULTS = new Layer(CorsOptions.defaults(), "defaults");

    /** A layer of options set in code or by annotation: messages name {@code source}. */
    Layer(CorsOptions options, String source) {
        this(options, source, false, null);
    }

    /** The layer read from {@code jaxrs.cors.*} properties: messages name each option's key. */
    static Layer ofProperties(CorsOptions options, String source) {
        return new Layer(options, source, true, null);
    }

    /** This layer over {@code below}, of the same rank (a direct annotation over a composed one). */
    Layer over(Layer below) {
        return new Layer(options, source, fromProperties, below);
    }

    /** Where the layer and the one beneath it came from, highest first: {@code @CrossOrigin on X, @PublicApi (@CrossOrigin) on X}. */
    String sources() {
        return composed == null ? source : source + ", " + composed.sources();
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
        return source + " " + options + (composed == null ? "" : ", over " + composed);
    }
}
