package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isAllowedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static io.github.jaxrscors.support.TestOrigins.OTHER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.discovered.AnnotatedResource;
import io.github.jaxrscors.support.CorsMatchers;
import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.List;
import java.util.logging.Level;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code @CrossOrigin} works without a registered {@code CorsFeature} (as flask-cors's
 * {@code @cross_origin()} works without {@code CORS(app)}), and changes nothing where a feature is
 * registered or no resource carries the annotation.
 */
@Tag("in-process")
@Isolated
class CrossOriginWithoutFeatureTest {

    @Path("plain")
    public static class Plain {
        @GET
        public String get() {
            return "plain";
        }
    }

    private static InProcess app(ResourceConfig config) {
        return new InProcess(config);
    }

    @Test
    void annotatedResourcesGetCorsWithTheirAnnotationOverTheDefaults() {
        InProcess app = app(new ResourceConfig(AnnotatedResource.class, Plain.class));
        assertThat("the annotation's origin", app.send("GET", "annotated", "Origin", APP),
                allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat("an origin the annotation does not list", app.send("GET", "annotated", "Origin", OTHER),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat("a preflight, answered", app.preflight("annotated", APP, "GET"),
                allOf(isAllowedPreflight(), allowsOrigin(APP), varyIs(CorsMatchers.PREFLIGHT_VARY)));
        assertThat("an unannotated resource stays untouched, as under annotatedOnly()", app.send("GET", "plain", "Origin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void anApplicationWithoutCrossOriginAndWithoutFeatureIsUntouchedAndNothingIsLoggedAboveDebug() {
        try (LogCapture log = new LogCapture()) {
            InProcess app = app(new ResourceConfig(Plain.class));
            assertThat(app.send("GET", "plain", "Origin", EVIL), allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
            assertThat(log.messages(Level.INFO), is(empty()));
        }
    }

    @Test
    void aFeatureRegisteredAsAnInstanceBehavesAsBefore() {
        InProcess app = app(new ResourceConfig(AnnotatedResource.class, Plain.class)
                .register(CorsFeature.builder().origins(OTHER).build()));
        assertThat("the annotation over the builder", app.send("GET", "annotated", "Origin", APP),
                allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat("the builder covers every resource", app.send("GET", "plain", "Origin", OTHER),
                allOf(hasStatus(200), allowsOrigin(OTHER), varyIs("Origin")));
    }

    @Test
    void aFeatureRegisteredAsAClassBehavesAsBefore() {
        InProcess app = app(new ResourceConfig(AnnotatedResource.class, Plain.class).register(CorsFeature.class));
        assertThat("every resource, any origin", app.send("GET", "plain", "Origin", EVIL),
                allOf(hasStatus(200), allowsOrigin(EVIL), varyIs("Origin")));
    }

    @Test
    void aFeatureFoundByPackageScanningBehavesAsBefore() throws URISyntaxException {
        // What packages("io.github.jaxrscors") finds in the library jar: the scan runs over the library's classes alone.
        String libraryClasses = Paths.get(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        InProcess app = app(new ResourceConfig(AnnotatedResource.class, Plain.class).files(true, libraryClasses));
        assertThat("every resource, any origin: the scanned CorsFeature, not annotatedOnly", app.send("GET", "plain", "Origin", EVIL),
                allOf(hasStatus(200), allowsOrigin(EVIL), varyIs("Origin")));
    }

    @Test
    void withAutoDiscoveryDisabledTheAnnotationAloneDoesNothingAndTheDocumentedRegistrationRestoresIt() {
        InProcess off = app(new ResourceConfig(AnnotatedResource.class).property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true));
        assertThat(off.send("GET", "annotated", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
        InProcess registered = app(new ResourceConfig(AnnotatedResource.class, Plain.class)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .register(CorsFeature.builder().annotatedOnly().build()));
        assertThat(registered.send("GET", "annotated", "Origin", APP), allOf(hasStatus(200), allowsOrigin(APP), varyIs("Origin")));
        assertThat(registered.send("GET", "plain", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    @Test
    void theDiscoveredFeatureSaysWhatIsInForceOnceAtInfo() {
        try (LogCapture log = new LogCapture()) {
            app(new ResourceConfig(AnnotatedResource.class));
            List<String> info = log.messages(Level.INFO);
            assertThat(info, is(List.of("CORS on 1 @CrossOrigin resource method only (annotatedOnly)")));
        }
    }
}
