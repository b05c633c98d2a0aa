package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.PREFLIGHT_VARY;
import static io.github.jaxrscors.support.CorsMatchers.allowsOrigin;
import static io.github.jaxrscors.support.CorsMatchers.hasMaxAge;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.isRefusedPreflight;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.ADMIN;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;

import io.github.jaxrscors.support.InProcess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JAX-RS annotation inheritance: {@code @CrossOrigin} on a resource interface or an annotated
 * superclass applies to the implementing class, as {@code @Path} and {@code @GET} do.
 */
@Tag("in-process")
class InheritedAnnotationsTest {

    /** The contract, annotated. */
    @Path("contract")
    @CrossOrigin(origins = APP)
    public interface Contract {
        @GET
        String read();

        @PUT
        @CrossOrigin(origins = ADMIN, maxAge = 60)
        String write(String body);
    }

    /** The implementation carries no annotation at all. */
    public static class Implementation implements Contract {
        @Override
        public String read() {
            return "read";
        }

        @Override
        public String write(String body) {
            return "written";
        }
    }

    /** An annotated base class. */
    @Path("base")
    @CrossOrigin(origins = ADMIN)
    public abstract static class Base {
        @GET
        public String read() {
            return "base";
        }
    }

    /** Its subclass, unannotated. */
    public static class Derived extends Base {
    }

    private static final InProcess APP_ONLY_ANNOTATED = new InProcess(new ResourceConfig(Implementation.class, Derived.class)
            .register(CorsFeature.builder().annotatedOnly().build()));

    @Test
    void classAnnotationOnTheInterfaceCoversTheImplementation() {
        assertThat(APP_ONLY_ANNOTATED.send("GET", "contract", "Origin", APP), allOf(hasStatus(200),
                allowsOrigin(APP), varyIs("Origin")));
        assertThat("the interface lists only APP", APP_ONLY_ANNOTATED.send("GET", "contract", "Origin", ADMIN),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void methodAnnotationOnTheInterfaceOverridesItsClassAnnotation() {
        assertThat(APP_ONLY_ANNOTATED.preflight("contract", ADMIN, "PUT"), allOf(hasStatus(200),
                allowsOrigin(ADMIN), hasMaxAge(60), varyIs(PREFLIGHT_VARY)));
        assertThat("the method's origins replace the interface's", APP_ONLY_ANNOTATED.preflight("contract", APP, "PUT"),
                allOf(isRefusedPreflight(), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void classAnnotationOnASuperclassCoversTheSubclass() {
        assertThat(APP_ONLY_ANNOTATED.send("GET", "base", "Origin", ADMIN), allOf(hasStatus(200),
                allowsOrigin(ADMIN), varyIs("Origin")));
        assertThat(APP_ONLY_ANNOTATED.send("GET", "base", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }
}
