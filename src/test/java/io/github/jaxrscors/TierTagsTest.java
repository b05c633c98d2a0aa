package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The test tree shows its tiers: every class under {@code target/test-classes} that declares or
 * inherits a test method (any annotation marked {@link Testable}: JUnit's {@code @Test},
 * {@code @ParameterizedTest}, {@code @TestFactory}, jqwik's {@code @Property}, Jazzer's
 * {@code @FuzzTest}) carries exactly one tier tag, and its name is one that a surefire or failsafe
 * execution of {@code pom.xml} includes, so that no test class runs in no tier or not at all.
 */
@Tag("unit")
class TierTagsTest {

    static final Set<String> TIERS = Set.of("unit", "property", "fuzz", "in-process", "http", "servlet", "browser", "demo");

    /** Surefire's includes when a configuration names none. */
    static final List<String> SUREFIRE_DEFAULTS = List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's includes when a configuration names none. */
    static final List<String> FAILSAFE_DEFAULTS = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

    @Test
    void everyTestClassCarriesExactlyOneTierTag() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : testClasses()) {
            Set<String> tiers = new TreeSet<>(tags(c));
            tiers.retainAll(TIERS);
            if (tiers.size() != 1) {
                wrong.add(c.getName() + (tiers.isEmpty() ? " carries no tier tag" : " carries " + tiers.size() + " tier tags " + tiers));
            }
        }
        assertThat("each test class carries exactly one of the tier tags " + new TreeSet<>(TIERS)
                + " (@Tag on the class, JUnit's or jqwik's; a @Nested class takes its enclosing class's)", wrong, is(empty()));
    }

    @Test
    void everyTestClassIsIncludedByASurefireOrFailsafeExecution() throws Exception {
        List<Execution> executions = executions(Path.of("pom.xml"));
        List<String> skipped = new ArrayList<>();
        for (Class<?> c : testClasses()) {
            if (c.getEnclosingClass() != null) {
                continue; // run by the top-level class that holds it
            }
            Set<String> tags = tags(c);
            String source = c.getName().replace('.', '/') + ".java";
            if (executions.stream().noneMatch(e -> e.runs(source, tags))) {
                skipped.add(c.getName());
            }
        }
        assertThat("test classes whose name no surefire or failsafe execution of pom.xml includes, so they never run "
                + "(name them *Test, *Properties or *IT, or add an include): " + executions, skipped, is(empty()));
    }

    @Test
    void theScanFindsTheTestClassesOfEveryKindAndPackage() throws Exception {
        List<String> names = testClasses().stream().map(Class::getName).toList();
        assertThat(names, hasItems("io.github.jaxrscors.CorsProcessorTest", "io.github.jaxrscors.CorsInvariantsProperties",
                "io.github.jaxrscors.EngineFuzzTest", "io.github.jaxrscors.ModulePathIT", "io.github.jaxrscors.deploy.JettyDeploymentTest",
                "io.github.jaxrscors.guide.OrderApiCorsTest", "io.github.jaxrscors.test.CorsMatchersTest",
                "io.github.jaxrscors.PreflightOverHttpTest"));
        assertThat("helpers are not test classes", names.contains("io.github.jaxrscors.support.Reply"), is(false));
    }

    /** The classes under the directory this class was loaded from that declare or inherit a test method. */
    static List<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(TierTagsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.')).sorted().toList();
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, TierTagsTest.class.getClassLoader());
            if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && hasTestMethods(c)) {
                classes.add(c);
            }
        }
        return classes;
    }

    static boolean hasTestMethods(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (annotated(m, Testable.class, new HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code element} carries {@code wanted}, directly or through annotations that carry it. */
    static boolean annotated(AnnotatedElement element, Class<? extends Annotation> wanted, Set<Class<?>> seen) {
        for (Annotation a : element.getAnnotations()) {
            Class<? extends Annotation> type = a.annotationType();
            if (type == wanted || seen.add(type) && !type.getName().startsWith("java.lang.annotation.") && annotated(type, wanted, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The tags JUnit gives the class's tests: its own and inherited ones, and, for a {@code @Nested} class, its enclosing classes'. */
    static Set<String> tags(Class<?> c) {
        Set<String> tags = new LinkedHashSet<>();
        for (Class<?> k = c; k != null; k = k.isAnnotationPresent(Nested.class) ? k.getEnclosingClass() : null) {
            for (Class<?> s = k; s != null && s != Object.class; s = s.getSuperclass()) {
                for (Annotation a : s.getDeclaredAnnotations()) {
                    tags.addAll(tagValues(a));
                }
            }
        }
        return tags;
    }

    /** The names of a tag annotation of any engine (JUnit's {@code @Tag}, jqwik's {@code @Tag}) or of its container {@code @Tags}. */
    static List<String> tagValues(Annotation a) {
        String type = a.annotationType().getSimpleName();
        if (!type.equals("Tag") && !type.equals("Tags")) {
            return List.of();
        }
        try {
            Object value = a.annotationType().getMethod("value").invoke(a);
            if (value instanceof String name) {
                return List.of(name);
            }
            List<String> names = new ArrayList<>();
            for (Annotation inner : (Annotation[]) value) {
                names.addAll(tagValues(inner));
            }
            return names;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(a + " has no readable value()", e);
        }
    }

    /**
     * One execution of surefire or failsafe as {@code pom.xml} writes it: its includes, and the tags
     * it selects ({@code groups}, empty for any) and leaves out ({@code excludedGroups}). Tag lists
     * are read as comma-separated names, the form the build uses.
     */
    record Execution(String name, List<String> includes, Set<String> groups, Set<String> excludedGroups) {

        boolean runs(String source, Set<String> tags) {
            boolean selected = (groups.isEmpty() || tags.stream().anyMatch(groups::contains)) && tags.stream().noneMatch(excludedGroups::contains);
            return selected && includes.stream().anyMatch(include -> glob(include).matcher(source).matches());
        }

        @Override
        public String toString() {
            return name + " includes " + includes + (groups.isEmpty() ? "" : " groups " + groups)
                    + (excludedGroups.isEmpty() ? "" : " excludedGroups " + excludedGroups);
        }
    }

    /** An Ant-style include ({@code **}{@code /*Test.java}) as a regular expression over a path with {@code /}. */
    static Pattern glob(String include) {
        StringBuilder regex = new StringBuilder();
        String s = include.replace('\\', '/');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (s.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (s.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (ch == '*') {
                regex.append("[^/]*");
            } else if (ch == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The executions of the build's surefire and failsafe plugins (profiles aside: they narrow, never widen). */
    static List<Execution> executions(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Element plugins = child(child(document.getDocumentElement(), "build"), "plugins");
        List<Execution> executions = new ArrayList<>();
        for (Element plugin : children(plugins, "plugin")) {
            String artifact = text(child(plugin, "artifactId"));
            boolean surefire = "maven-surefire-plugin".equals(artifact);
            if (!surefire && !"maven-failsafe-plugin".equals(artifact)) {
                continue;
            }
            List<String> defaults = surefire ? SUREFIRE_DEFAULTS : FAILSAFE_DEFAULTS;
            Element configuration = child(plugin, "configuration");
            Execution base = execution(artifact, configuration, new Execution(artifact, defaults, Set.of(), Set.of()));
            executions.add(base);
            Element list = child(plugin, "executions");
            for (Element e : list == null ? List.<Element>of() : children(list, "execution")) {
                Element own = child(e, "configuration");
                boolean override = own != null && "override".equals(own.getAttribute("combine.self"));
                String id = artifact + " execution " + text(child(e, "id"));
                executions.add(execution(id, own, override ? new Execution(id, defaults, Set.of(), Set.of()) : base));
            }
        }
        return executions;
    }

    private static Execution execution(String name, Element configuration, Execution inherited) {
        if (configuration == null) {
            return new Execution(name, inherited.includes(), inherited.groups(), inherited.excludedGroups());
        }
        Element includes = child(configuration, "includes");
        List<String> names = includes == null ? inherited.includes() : children(includes, "include").stream().map(TierTagsTest::text).toList();
        Element groups = child(configuration, "groups");
        Element excluded = child(configuration, "excludedGroups");
        return new Execution(name, names, groups == null ? inherited.groups() : tagList(text(groups)),
                excluded == null ? inherited.excludedGroups() : tagList(text(excluded)));
    }

    private static Set<String> tagList(String value) {
        Set<String> tags = new TreeSet<>();
        for (String t : value.split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}
