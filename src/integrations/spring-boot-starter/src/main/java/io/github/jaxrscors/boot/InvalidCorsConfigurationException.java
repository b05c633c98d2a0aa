package io.github.jaxrscors.boot;

/**
 * A {@code jaxrs.cors.*} property, or the CORS configuration of the application as a whole, that the
 * library refuses: thrown while the Spring context refreshes, so the application does not start.
 * The message starts with the property path as Boot spells it ({@code jaxrs.cors.origins[1]}).
 */
public class InvalidCorsConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final transient Object value;

    InvalidCorsConfigurationException(String property, Object value, String reason) {
        super(message(property, value, reason));
        this.property = property;
        this.value = value;
    }

    InvalidCorsConfigurationException(String property, Object value, String reason, Throwable cause) {
        super(message(property, value, reason), cause);
        this.property = property;
        this.value = value;
    }

    private static String message(String property, Object value, String reason) {
        return property + (value == null ? "" : "=" + value) + ": " + reason;
    }

    /**
     * The property path of the mistake, as Boot spells it.
     *
     * @return {@code jaxrs.cors.origins[1]}, {@code jaxrs.cors.resources[0]}, or {@code jaxrs.cors} for the whole
     */
    public String getProperty() {
        return property;
    }

    /**
     * The refused value, where one value is refused.
     *
     * @return the value, or null where the mistake is a combination
     */
    public Object getValue() {
        return value;
    }
}
