package io.github.jaxrscors;

import static io.github.jaxrscors.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.CorsMatchers.hasHeader;
import static io.github.jaxrscors.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.CorsMatchers.hasStatus;
import static io.github.jaxrscors.CorsMatchers.varyIs;
import static io.github.jaxrscors.TestOrigins.APP;
import static io.github.jaxrscors.TestOrigins.OTHER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The feature works however an application registers it. */
class RegistrationTest {

    @Path("r")
    public static class Resource {
        @GET
        public String get() {
            return "r";
        }
    }

    /** An {@code Application} subclass that returns the feature among its singletons. */
    public static class SingletonsApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Resource.class);
        }

        @Override
        public Set<Object> getSingletons() {
            return Set.of(CorsFeature.builder().origins(APP).build());
        }
    }

    /** An {@code Application} subclass configured by properties only. */
    public static class PropertiesApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Resource.class, CorsFeature.class);
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of(CorsProperties.ORIGINS, APP, CorsProperties.EXPOSE_HEADERS, "X-Total");
        }
    }

    private static void assertListedOriginOnly(InProcess app) {
        assertThat(app.send("GET", "r", "Origin", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat(app.send("GET", "r", "Origin", OTHER), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void registeredAsAnInstance() {
        assertListedOriginOnly(new InProcess(new ResourceConfig(Resource.class).register(CorsFeature.builder().origins(APP).build())));
    }

    @Test
    void registeredAsAClassGivesTheDefaults() {
        InProcess app = new InProcess(new ResourceConfig(Resource.class).register(CorsFeature.class));
        assertThat("any origin, echoed", app.send("GET", "r", "Origin", OTHER),
                allOf(hasStatus(200), allowsOrigin(OTHER), varyIs("Origin")));
    }

    @Test
    void registeredAmongAnApplicationsSingletons() {
        assertListedOriginOnly(new InProcess(ResourceConfig.forApplication(new SingletonsApplication())));
    }

    @Test
    void registeredAsAClassAndConfiguredOnlyByProperties() {
        InProcess app = new InProcess(ResourceConfig.forApplication(new PropertiesApplication()));
        assertListedOriginOnly(app);
        assertThat(app.send("GET", "r", "Origin", APP), hasHeader("Access-Control-Expose-Headers", "X-Total"));
    }

    @Test
    void registeredTwiceIsConfiguredOnce() {
        InProcess app = new InProcess(new ResourceConfig(Resource.class)
                .register(CorsFeature.builder().origins(APP).build())
                .register(CorsFeature.builder().origins("https://second.example.com").build()));
        assertListedOriginOnly(app);
    }
}
