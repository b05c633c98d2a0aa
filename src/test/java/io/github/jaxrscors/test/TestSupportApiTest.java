package io.github.jaxrscors.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pins the public surface of the test support: two final classes of static methods. */
@Tag("unit")
class TestSupportApiTest {

    /** Every class of the test-support package as compiled for its jar (target/test-support-classes). */
    private static List<Class<?>> supportClasses() throws IOException, URISyntaxException {
        Path testClasses = Path.of(CorsMatchers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jarClasses = testClasses.resolveSibling("test-support-classes").resolve("io/github/jaxrscors/test");
        Path classes = Files.isDirectory(jarClasses) ? jarClasses : testClasses.resolve("io/github/jaxrscors/test");
        try (Stream<Path> files = Files.list(classes)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toList());
            List<Class<?>> loaded = new java.util.ArrayList<>();
            for (String n : names) {
                if (!n.equals("package-info")) {
                    loaded.add(load("io.github.jaxrscors.test." + n));
                }
            }
            return loaded;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> publicMethods(Class<?> type) {
        return Stream.of(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(TestSupportApiTest::signature).collect(Collectors.toList());
    }

    private static String signature(Method m) {
        return (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getReturnType().getSimpleName() + " " + m.getName()
                + Stream.of(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    @Test
    void exactlyCorsMatchersAndCorsRequestsArePublic() throws IOException, URISyntaxException {
        List<String> publicTypes = supportClasses().stream().filter(c -> Modifier.isPublic(c.getModifiers()))
                .map(Class::getCanonicalName).collect(Collectors.toList());
        assertThat("public types become API forever", publicTypes,
                containsInAnyOrder("io.github.jaxrscors.test.CorsMatchers", "io.github.jaxrscors.test.CorsRequests"));
    }

    @Test
    void everyTypeIsFinalAndTheHelpersCannotBeInstantiated() throws IOException, URISyntaxException {
        for (Class<?> c : supportClasses()) {
            if (c.getEnclosingClass() == null && !c.isAnonymousClass()) {
                assertThat(c.getName() + " is final", Modifier.isFinal(c.getModifiers()), is(true));
            }
        }
        assertThat(Stream.of(CorsMatchers.class.getDeclaredConstructors()).allMatch(k -> Modifier.isPrivate(k.getModifiers())), is(true));
        assertThat(Stream.of(CorsRequests.class.getDeclaredConstructors()).allMatch(k -> Modifier.isPrivate(k.getModifiers())), is(true));
    }

    @Test
    void corsMatchersHasTheseMatchers() {
        assertThat(publicMethods(CorsMatchers.class), containsInAnyOrder(
                "static Matcher allowsOrigin(String)", "static Matcher allowsAnyOrigin()", "static Matcher allowsCredentials()",
                "static Matcher allowsMethods(String[])", "static Matcher allowsHeaders(String[])",
                "static Matcher exposesHeaders(String[])", "static Matcher hasMaxAge(long)", "static Matcher allowsPrivateNetwork()",
                "static Matcher isAllowedPreflight()", "static Matcher isRefusedPreflight()", "static Matcher hasNoCorsHeaders()",
                "static Matcher variesOn(String[])", "static Matcher variesOnlyOn(String[])", "static Matcher doesNotVaryOn(String[])",
                "static Matcher hasStatus(int)", "static Matcher hasHeader(String,String)", "static Matcher hasNoHeader(String)"));
    }

    @Test
    void corsRequestsHasTheseHelpers() {
        assertThat(publicMethods(CorsRequests.class), containsInAnyOrder(
                "static Response preflight(WebTarget,String,String,String[])", "static Response get(WebTarget,String)",
                "static Response actual(WebTarget,String,String)", "static Response actual(WebTarget,String,String,Entity)",
                "static Builder request(WebTarget,String)"));
    }
}
