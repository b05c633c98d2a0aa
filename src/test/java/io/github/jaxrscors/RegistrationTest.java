package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.OTHER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.PlainResource;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The feature works however an application registers it. */
@Tag("in-process")
@Isolated
class RegistrationTest {

    /** An {@code Application} subclass that returns the feature among its singletons. */
    public static class SingletonsApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(PlainResource.class);
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
            return Set.of(PlainResource.class, CorsFeature.class);
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
        assertListedOriginOnly(new InProcess(new ResourceConfig(PlainResource.class).register(CorsFeature.builder().origins(APP).build())));
    }

    @Test
    void registeredAsAClassGivesTheDefaults() {
        InProcess app = new InProcess(new ResourceConfig(PlainResource.class).register(CorsFeature.class));
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

    private static String startupFailure(ResourceConfig config) {
        Throwable t = assertThrows(Throwable.class, () -> new InProcess(config));
        StringBuilder messages = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    @Test
    void theClassAndThenABuilderInstanceAreRefusedNamingBoth() {
        String m = startupFailure(new ResourceConfig(PlainResource.class)
                .register(CorsFeature.class)
                .register(CorsFeature.builder().origins(APP).supportsCredentials(true).build()));
        assertThat(m, containsString("CORS configuration error in the registration of CorsFeature: the application registers "
                + "CorsFeature twice: CorsFeature.class or new CorsFeature() (the jaxrs.cors.* properties and the defaults), and "
                + "CorsFeature{"));
        assertThat("names the dropped builder's options", m, containsString("origins=[" + APP + "]"));
        assertThat("says how to fix it", m, containsString("Register one CorsFeature"));
    }

    @Test
    void twoBuilderInstancesAreNamedInOneWarningAndTheFirstIsKept() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = new InProcess(new ResourceConfig(PlainResource.class)
                    .register(CorsFeature.builder().origins(APP).build())
                    .register(CorsFeature.builder().origins("https://second.example.com").build()));
            assertListedOriginOnly(app);
            List<String> warnings = log.messages(Level.WARNING).stream().filter(m -> m.contains("is not configured by it")).toList();
            assertThat(warnings, hasSize(1));
            assertThat(warnings.get(0), allOf(containsString("origins=[" + APP + "]"),
                    containsString("origins=[https://second.example.com]"), containsString("register one CorsFeature")));
        }
    }

    @Test
    void aFeatureBuiltForALaterApplicationIsNamedInAWarningButStartsNothingWrong() {
        CorsFeature later = CorsFeature.builder().origins(OTHER).build();
        try (LogCapture log = new LogCapture()) {
            assertListedOriginOnly(new InProcess(new ResourceConfig(PlainResource.class).register(CorsFeature.builder().origins(APP).build())));
            assertThat(log.messages(Level.WARNING), hasItem(containsString("If the other belongs to an application that starts "
                    + "later, nothing is wrong.")));
        }
        InProcess second = new InProcess(new ResourceConfig(PlainResource.class).register(later));
        assertThat(second.send("GET", "r", "Origin", OTHER), allOf(hasStatus(200), allowsOrigin(OTHER), varyIs("Origin")));
    }

    @Test
    void aBuilderInstanceAndThenTheClassMergeIntoTheInstanceWhichReadsThePropertiesTheClassWould() {
        InProcess app = new InProcess(new ResourceConfig(PlainResource.class)
                .property(CorsProperties.EXPOSE_HEADERS, "X-Total")
                .register(CorsFeature.builder().origins(APP).build())
                .register(CorsFeature.class));
        assertListedOriginOnly(app);
        assertThat("the properties the class registration stood for", app.send("GET", "r", "Origin", APP),
                hasHeader("Access-Control-Expose-Headers", "X-Total"));
    }

    @Test
    void oneInstanceRegisteredTwiceIsConfiguredOnce() {
        CorsFeature feature = CorsFeature.builder().origins(APP).build();
        assertListedOriginOnly(new InProcess(new ResourceConfig(PlainResource.class).register(feature).register(feature)));
    }

    @Test
    void applicationsStartedOneAfterTheOtherOnOneThreadEachKeepTheirOwnFeature() {
        InProcess first = new InProcess(new ResourceConfig(PlainResource.class).register(CorsFeature.builder().origins(APP).build()));
        InProcess second = new InProcess(new ResourceConfig(PlainResource.class).register(CorsFeature.builder().origins(OTHER).build()));
        assertListedOriginOnly(first);
        assertThat(second.send("GET", "r", "Origin", OTHER), allOf(hasStatus(200), allowsOrigin(OTHER), varyIs("Origin")));
    }
}
