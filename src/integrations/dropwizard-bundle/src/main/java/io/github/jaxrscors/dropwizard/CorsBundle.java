package io.github.jaxrscors.dropwizard;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import java.util.Objects;
import java.util.function.Function;

/**
 * Registers {@code CorsFeature}, built from the service's {@code cors:} block, on
 * {@code environment.jersey()}. The block is a {@link CorsFactory} field of the configuration class,
 * validated with the rest of the configuration before {@code run}:
 *
 * <pre>{@code
 * public class NotesConfiguration extends Configuration {
 *     @Valid @NotNull @JsonProperty
 *     private CorsFactory cors = new CorsFactory();
 *     public CorsFactory getCors() { return cors; }
 * }
 *
 * bootstrap.addBundle(new CorsBundle<>(NotesConfiguration::getCors));
 * }</pre>
 *
 * @param <T> the service's configuration class
 */
public class CorsBundle<T extends Configuration> implements ConfiguredBundle<T> {

    private final Function<? super T, CorsFactory> cors;

    /**
     * @param cors reads the {@code cors:} block from the configuration
     */
    public CorsBundle(Function<? super T, CorsFactory> cors) {
        this.cors = Objects.requireNonNull(cors, "cors");
    }

    @Override
    public void run(T configuration, Environment environment) {
        CorsFactory factory = cors.apply(configuration);
        if (factory == null || !factory.isEnabled()) {
            return;
        }
        environment.jersey().register(factory.build());
    }
}
