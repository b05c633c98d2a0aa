package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface to the five types of the API contract, plus {@code CorsRequestView}, the
 * read-only request a request-aware origin predicate receives, and {@code CorsWebSocketConfigurator},
 * the origin check of WebSocket upgrades, and {@code CorsServletFilter}, the servlet front filter.
 */
@Tag("unit")
class PublicApiTest {

    /** Every class of the library's package, nested ones included. */
    private static List<Class<?>> libraryClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/github/jaxrscors");
        try (Stream<Path> files = Files.list(classes)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> load("io.github.jaxrscors." + n.substring(0, n.length() - ".class".length())))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void exactlyTheContractTypesArePublic() throws IOException, URISyntaxException {
        List<String> publicTypes = libraryClasses().stream()
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .map(Class::getCanonicalName)
                .collect(Collectors.toList());
        assertThat("public types besides the contract become API forever", publicTypes, containsInAnyOrder(
                "io.github.jaxrscors.CrossOrigin", "io.github.jaxrscors.OptBoolean", "io.github.jaxrscors.CorsOptions",
                "io.github.jaxrscors.CorsOptions.Builder", "io.github.jaxrscors.CorsFeature",
                "io.github.jaxrscors.CorsFeature.Builder", "io.github.jaxrscors.CorsProperties",
                // Request-aware origin decisions (second wave).
                "io.github.jaxrscors.CorsRequestView",
                // WebSocket upgrades checked by the same origins (third wave).
                "io.github.jaxrscors.CorsWebSocketConfigurator",
                // The servlet front filter, ahead of authentication (third wave).
                "io.github.jaxrscors.CorsServletFilter",
                // Decision events (third wave).
                "io.github.jaxrscors.CorsDecisionListener", "io.github.jaxrscors.CorsDecisionEvent",
                "io.github.jaxrscors.CorsDecisionEvent.Outcome", "io.github.jaxrscors.CorsDecisionEvent.Reason",
                // Micrometer counters, for applications that have Micrometer (third wave).
                "io.github.jaxrscors.CorsMetrics"));
    }

    @Test
    void nonPublicTopLevelTypesAreFinalOrRecordsOrEnums() throws IOException, URISyntaxException {
        List<String> open = libraryClasses().stream()
                .filter(c -> c.getEnclosingClass() == null && !Modifier.isPublic(c.getModifiers()) && !c.isInterface()
                        && !c.isEnum() && !Modifier.isFinal(c.getModifiers()))
                .map(Class::getName)
                .collect(Collectors.toList());
        assertThat("internal classes are final", open, is(empty()));
    }

    /** The setter signatures API.md gives each kind of option. */
    private static List<String> setters(Option<?> option) {
        String n = option.name();
        return switch (option.kind()) {
            case LIST -> List.of(n + "(String[])");
            case PATTERNS -> List.of(n + "(String[])", n + "(Pattern[])");
            case PREDICATE -> List.of(n + "(Predicate)", n + "(BiPredicate,String[])");
            case SECONDS -> List.of(n + "(Duration)", n + "(long)");
            case FLAG -> List.of(n + "(boolean)");
        };
    }

    private static List<String> publicSetters(Class<?> builder) {
        return Stream.of(builder.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build"))
                .map(m -> m.getName() + Stream.of(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toList());
    }

    /**
     * The setters are those API.md lists, one signature per form of each option of the catalogue
     * ({@link OptionCatalogueTest} checks the catalogue against the setters by name).
     */
    @Test
    void builderSettersMatchTheContract() {
        List<String> expected = Option.POLICY.stream().flatMap(o -> setters(o).stream()).collect(Collectors.toList());
        assertThat(publicSetters(CorsOptions.Builder.class), containsInAnyOrder(expected.toArray(String[]::new)));
        assertThat("the signatures, spelt out", expected, containsInAnyOrder("origins(String[])", "originPatterns(String[])",
                "originPatterns(Pattern[])", "methods(String[])", "allowHeaders(String[])", "allowHeaderPatterns(String[])",
                "exposeHeaders(String[])", "supportsCredentials(boolean)", "maxAge(Duration)", "maxAge(long)", "sendWildcard(boolean)",
                "varyHeader(boolean)", "allowPrivateNetwork(boolean)", "automaticOptions(boolean)", "interceptExceptions(boolean)",
                "originPredicate(Predicate)", "rejectDisallowedOrigins(boolean)",
                // Request-aware origin decisions (second wave).
                "originPredicate(BiPredicate,String[])",
                // Cross-site request protection (second wave).
                "crossSiteProtection(boolean)",
                // Report-only for the strict options (third wave).
                "rejectDisallowedOriginsReportOnly(boolean)", "crossSiteProtectionReportOnly(boolean)"));
        List<String> featureExpected = Option.ALL.stream().flatMap(o -> setters(o).stream()).collect(Collectors.toList());
        featureExpected.addAll(List.of("resource(String)", "resource(String,CorsOptions)", "annotatedOnly()",
                "decisionListener(CorsDecisionListener)"));
        assertThat("CorsFeature.Builder has the option setters plus resource rules and the server's own origin",
                publicSetters(CorsFeature.Builder.class), containsInAnyOrder(featureExpected.toArray(String[]::new)));
        // Application-wide only: the server's own origin is one for the whole application.
        assertThat(Option.ALL.stream().filter(o -> o.scope() == Option.Scope.APPLICATION).flatMap(o -> setters(o).stream())
                .collect(Collectors.toList()), containsInAnyOrder("publicOrigins(String[])", "trustForwardedHeaders(boolean)"));
    }

    @Test
    void webSocketConfiguratorHasANoArgConstructorAndOverridesTwoHandshakeSteps() throws NoSuchMethodException {
        assertThat("the WebSocket container instantiates it from @ServerEndpoint(configurator = ...)",
                Modifier.isPublic(CorsWebSocketConfigurator.class.getConstructor().getModifiers()), is(true));
        assertThat(Stream.of(CorsWebSocketConfigurator.class.getConstructors()).count(), is(1L));
        List<String> methods = Stream.of(CorsWebSocketConfigurator.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
                .map(m -> m.getName() + Stream.of(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toList());
        assertThat(methods, containsInAnyOrder("checkOrigin(String)",
                "modifyHandshake(ServerEndpointConfig,HandshakeRequest,HandshakeResponse)", "toString()"));
        assertThat("a subclass cannot bypass the origin check",
                Modifier.isFinal(CorsWebSocketConfigurator.class.getMethod("checkOrigin", String.class).getModifiers()), is(true));
    }

    @Test
    void requestViewIsReadOnly() {
        List<String> methods = Stream.of(CorsRequestView.class.getDeclaredMethods())
                .map(m -> m.getName() + Stream.of(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toList());
        assertThat("the view has getters only", methods, containsInAnyOrder("method()", "path()", "header(String)"));
    }

    @Test
    void decisionPropertiesAreNamedOutsideTheConfigurationKeys() {
        assertThat(CorsProperties.ORIGIN_ALLOWED, is("io.github.jaxrscors.origin-allowed"));
        assertThat(CorsProperties.POLICY, is("io.github.jaxrscors.policy"));
    }

    @Test
    void crossOriginAttributesMatchTheContract() {
        List<String> attributes = Stream.of(CrossOrigin.class.getDeclaredMethods()).map(m -> m.getName()).collect(Collectors.toList());
        assertThat(attributes, containsInAnyOrder("origins", "originPatterns", "methods", "allowHeaders", "allowHeaderPatterns",
                "exposeHeaders", "supportsCredentials", "maxAge", "sendWildcard", "varyHeader", "allowPrivateNetwork",
                "automaticOptions", "crossSiteProtection", "crossSiteProtectionReportOnly"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void libraryClassesContainNoDemoAndNeedNoGrizzly() throws IOException, URISyntaxException {
        Path root = Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertThat("the library's classes are all in its one package", classes.stream()
                .filter(p -> !root.relativize(p).getParent().toString().replace('\\', '/').equals("io/github/jaxrscors"))
                .map(Path::toString).collect(Collectors.toList()), is(empty()));
        List<String> grizzly = new java.util.ArrayList<>();
        for (Path p : classes) {
            if (new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("org/glassfish/grizzly")) {
                grizzly.add(p.getFileName().toString());
            }
        }
        assertThat("no library class refers to Grizzly", grizzly, is(empty()));
    }
}
