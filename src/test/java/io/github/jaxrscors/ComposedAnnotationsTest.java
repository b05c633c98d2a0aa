package io.github.jaxrscors;

import static io.github.jaxrscors.support.CorsMatchers.hasHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasNoCorsHeaders;
import static io.github.jaxrscors.support.CorsMatchers.hasNoHeader;
import static io.github.jaxrscors.support.CorsMatchers.hasStatus;
import static io.github.jaxrscors.support.CorsMatchers.varyIs;
import static io.github.jaxrscors.support.TestOrigins.APP;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jaxrscors.support.InProcess;
import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.Reply;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.logging.Level;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * In-process tier: an annotation type of the application that carries {@code @CrossOrigin} (the
 * Spring "composed annotation") applies at the layer of a direct {@code @CrossOrigin}, under it
 * attribute by attribute, inherited the same way, and named in startup messages.
 */
@Tag("in-process")
@Isolated
class ComposedAnnotationsTest {

    static final String ADMIN = "https://admin.example.com";
    static final String SPRING = "http://www.foo.example";
    static final String[] PREFLIGHT_VARY = {"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"};

    /** The application's policy, named once. */
    @CrossOrigin(origins = APP, maxAge = 600, exposeHeaders = "X-Total")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface PublicApi {
    }

    /** A second one, to show that two on one element fail. */
    @CrossOrigin(origins = ADMIN)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface AdminApi {
    }

    /** A composed annotation that is a name binding itself. */
    @NameBinding
    @CrossOrigin(origins = APP)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface BoundApi {
    }

    /** An invalid composed annotation: credentials with any origin. */
    @CrossOrigin(origins = "*", supportsCredentials = OptBoolean.TRUE)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Unsafe {
    }

    @Path("public")
    @PublicApi
    public static class Public {
        @GET
        public String read() {
            return "read";
        }

        @PUT
        @CrossOrigin(methods = "PUT")
        public String write(String body) {
            return "written";
        }
    }

    @Path("both")
    @PublicApi
    @CrossOrigin(origins = ADMIN)
    public static class Both {
        @GET
        public String read() {
            return "read";
        }
    }

    @Path("method")
    public static class OnAMethod {
        @GET
        @PublicApi
        public String covered() {
            return "covered";
        }

        @GET
        @Path("plain")
        public String plain() {
            return "plain";
        }
    }

    @Path("contract")
    @PublicApi
    public interface Contract {
        @GET
        String read();
    }

    public static class Implementation implements Contract {
        @Override
        public String read() {
            return "implemented";
        }
    }

    @Path("bound")
    public static class Bound {
        @GET
        @BoundApi
        public String composed() {
            return "composed";
        }

        @GET
        @Path("direct")
        @CrossOrigin(origins = APP)
        public String direct() {
            return "direct";
        }
    }

    /** A filter of the application bound by name to {@code @CrossOrigin}. */
    @CrossOrigin
    public static class BoundToCrossOrigin implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add("X-Bound-To", "CrossOrigin");
        }
    }

    /** A filter of the application bound by name to {@code @BoundApi}. */
    @BoundApi
    public static class BoundToBoundApi implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add("X-Bound-To", "BoundApi");
        }
    }

    @Path("twice")
    public static class Twice {
        @GET
        @PublicApi
        @AdminApi
        public String read() {
            return "read";
        }
    }

    @Path("unsafe")
    @Unsafe
    public static class UnsafeResource {
        @GET
        public String read() {
            return "read";
        }
    }

    /** Spring Framework's {@code ComposedCrossOrigin} test annotation: credentials and one method. */
    @CrossOrigin(origins = SPRING, supportsCredentials = OptBoolean.TRUE, methods = "GET")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface CredentialedGet {
    }

    @Path("credentialed/class")
    @CredentialedGet
    public static class CredentialedClass {
        @GET
        public String read() {
            return "class";
        }
    }

    @Path("credentialed/method")
    public static class CredentialedMethod {
        @GET
        @CredentialedGet
        public String read() {
            return "method";
        }
    }

    /** The application's origins, which the composed annotation replaces where it applies. */
    private static final InProcess APP_WIDE = new InProcess(new ResourceConfig(CredentialedClass.class, CredentialedMethod.class)
            .register(CorsFeature.builder().origins(APP).build()));

    private static final InProcess ANNOTATED_ONLY = new InProcess(new ResourceConfig(Public.class, Both.class, OnAMethod.class,
            Implementation.class).register(CorsFeature.builder().annotatedOnly().build()));

    @Test
    void composedAnnotationOnAClassCoversItsMethodsWithItsValues() {
        assertThat(ANNOTATED_ONLY.send("GET", "public", "Origin", APP), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), hasHeader("Access-Control-Expose-Headers", "X-Total"),
                hasNoHeader("Access-Control-Allow-Credentials"), varyIs("Origin")));
        assertThat(ANNOTATED_ONLY.send("GET", "public", "Origin", ADMIN),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
        assertThat(ANNOTATED_ONLY.preflight("public", APP, "GET"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), hasHeader("Access-Control-Max-Age", "600"),
                hasHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE"), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void methodAnnotationLayersOverTheClassesComposedAnnotation() {
        assertThat(ANNOTATED_ONLY.preflight("public", APP, "PUT"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), hasHeader("Access-Control-Allow-Methods", "PUT"),
                hasHeader("Access-Control-Max-Age", "600"), varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void directAnnotationOnTheSameElementWinsAttributeByAttribute() {
        assertThat("the direct origins replace the composed ones", ANNOTATED_ONLY.send("GET", "both", "Origin", ADMIN),
                allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", ADMIN),
                        hasHeader("Access-Control-Expose-Headers", "X-Total"), varyIs("Origin")));
        assertThat(ANNOTATED_ONLY.send("GET", "both", "Origin", APP), allOf(hasStatus(200), hasNoCorsHeaders(),
                varyIs("Origin")));
        assertThat("maxAge, not set directly, still comes from @PublicApi", ANNOTATED_ONLY.preflight("both", ADMIN, "GET"),
                allOf(hasStatus(200), hasHeader("Access-Control-Allow-Origin", ADMIN), hasHeader("Access-Control-Max-Age", "600"),
                        varyIs(PREFLIGHT_VARY)));
    }

    @Test
    void composedAnnotationOnAMethodCoversThatMethodOnlyUnderAnnotatedOnly() {
        assertThat(ANNOTATED_ONLY.send("GET", "method", "Origin", APP), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        Reply plain = ANNOTATED_ONLY.send("GET", "method/plain", "Origin", APP);
        assertThat("not covered: untouched", plain, allOf(hasStatus(200), hasNoCorsHeaders(), hasNoHeader("Vary")));
    }

    // Spring Framework's ClassLevelMappingWithComposedAnnotation and MethodLevelMappingWithComposedAnnotation.

    @Test
    void composedAnnotationOnAClassAppliesItsOriginsCredentialsAndMethodsOverTheApplicationsOrigins() {
        assertThat(APP_WIDE.preflight("credentialed/class", SPRING, "GET"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasHeader("Access-Control-Allow-Methods", "GET"), hasNoHeader("Access-Control-Max-Age"), varyIs(PREFLIGHT_VARY)));
        assertThat(APP_WIDE.send("GET", "credentialed/class", "Origin", SPRING), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasNoHeader("Access-Control-Expose-Headers"), varyIs("Origin")));
        assertThat("the application's origin, which the annotation replaces", APP_WIDE.send("GET", "credentialed/class", "Origin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void composedAnnotationOnAMethodAppliesToThatMethodOverTheApplicationsOrigins() {
        assertThat(APP_WIDE.preflight("credentialed/method", SPRING, "GET"), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", SPRING), hasHeader("Access-Control-Allow-Credentials", "true"),
                hasHeader("Access-Control-Allow-Methods", "GET"), varyIs(PREFLIGHT_VARY)));
        assertThat("the application's origin, which the annotation replaces", APP_WIDE.send("GET", "credentialed/method", "Origin", APP),
                allOf(hasStatus(200), hasNoCorsHeaders(), varyIs("Origin")));
    }

    @Test
    void composedAnnotationOnAResourceInterfaceIsInherited() {
        assertThat(ANNOTATED_ONLY.send("GET", "contract", "Origin", APP), allOf(hasStatus(200),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void nameBindingsStayWithTheAnnotationsThatAreNameBindings() {
        InProcess app = new InProcess(new ResourceConfig(Bound.class, BoundToCrossOrigin.class, BoundToBoundApi.class)
                .register(CorsFeature.builder().annotatedOnly().build()));
        assertThat("a filter bound to @CrossOrigin runs where @CrossOrigin sits directly", app.send("GET", "bound/direct",
                "Origin", APP), allOf(hasStatus(200), hasHeader("X-Bound-To", "CrossOrigin"),
                hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
        assertThat("a composed annotation that is a @NameBinding binds its own filters (only: one X-Bound-To), and CORS covers it",
                app.send("GET", "bound", "Origin", APP), allOf(hasStatus(200), hasHeader("X-Bound-To", "BoundApi"),
                        hasHeader("Access-Control-Allow-Origin", APP), varyIs("Origin")));
    }

    @Test
    void twoComposedAnnotationsOnOneElementFailStartupNamingBoth() {
        try (LogCapture log = new LogCapture()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> new InProcess(new ResourceConfig(Twice.class)
                    .register(new CorsFeature())));
            assertThat(message(e), allOf(containsString("CORS configuration error in ComposedAnnotationsTest$Twice#read"),
                    containsString("@ComposedAnnotationsTest$PublicApi"), containsString("@ComposedAnnotationsTest$AdminApi")));
            assertThat("logged once at ERROR", log.messages(Level.SEVERE), hasItem(containsString("two annotations composed")));
        }
    }

    @Test
    void startupErrorNamesTheComposedAnnotationAndCrossOrigin() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> new InProcess(new ResourceConfig(UnsafeResource.class)
                .register(new CorsFeature())));
        assertThat(message(e), allOf(containsString("supportsCredentials=true (from @ComposedAnnotationsTest$Unsafe (@CrossOrigin) on "
                + "ComposedAnnotationsTest$UnsafeResource)"), containsString("origins \"*\" (from @ComposedAnnotationsTest$Unsafe")));
    }

    @Test
    void startupLogNamesBothAnnotations() {
        try (LogCapture log = new LogCapture()) {
            new InProcess(new ResourceConfig(Public.class, Both.class).register(CorsFeature.builder().annotatedOnly().build()));
            assertThat(log.messages(Level.INFO), hasItem(is("CORS on 3 @CrossOrigin resource methods "
                    + "(@ComposedAnnotationsTest$PublicApi among them) only (annotatedOnly)")));
            assertThat(log.messages(Level.FINE), hasItem(allOf(containsString("effective policy of ComposedAnnotationsTest$Both#read "
                    + "(@CrossOrigin on ComposedAnnotationsTest$Both, @ComposedAnnotationsTest$PublicApi (@CrossOrigin) on "
                    + "ComposedAnnotationsTest$Both)"), containsString("maxAge=600"))));
        }
    }

    /** The configuration error, wherever Jersey wrapped it. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("CORS configuration error")) {
                return t.getMessage();
            }
        }
        return List.of(e.toString()).toString();
    }
}
