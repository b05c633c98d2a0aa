package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine and the configuration know nothing of Jakarta REST or Jersey: only the adapter does.
 * Read from the compiled classes, nested ones included, so no import, signature or constant can
 * slip a dependency in.
 */
@Tag("unit")
class EngineBoundaryTest {

    /** The engine and configuration classes (package-info.java maps them). */
    static Stream<String> engineAndConfiguration() {
        return Stream.of("CorsDecision", "CorsHeaders", "CorsLog", "CorsPolicy", "CorsProcessor", "HeaderMatcher", "HttpSyntax",
                "OriginMatcher", "VaryHeader", "CorsOptions", "CorsProperties", "Layer", "PolicyResolver", "PolicyTable",
                "PropertyReader", "CorsRequestView", "ServerOrigin", "LiteralAffixes", "OriginPatterns", "OriginPredicate", "Option",
                "ConfigurationSources", "OriginPatternAudit", "StartupNotices", "ApplicationPolicies",
                // Decision events: the listener and event types, where the funnel sends them, JFR, the INFO summary.
                "CorsDecisionListener", "CorsDecisionEvent", "DecisionEvents", "DecisionRecord", "RefusalSummary", "CorsMetrics");
    }

    /** The Jersey adapter and the public contract: allowed to use Jakarta REST and Jersey. */
    static final List<String> ADAPTER_AND_CONTRACT = List.of("StartupChecks", "CorsDynamicFeature", "CorsRequestFilter",
            "PreMatchingFilter", "CorsResponseFilter", "CorsState", "ErrorResponseWriter", "JerseyTranslator", "PreflightRouter",
            "RequestFacts", "CorsFeature", "CrossOrigin", "OptBoolean", "Registrations", "CrossOriginDiscovery", "ApplicationRegistration",
            // The WebSocket adapter: Jakarta WebSocket types, and the annotation reading it shares with the Jersey adapter.
            "CorsWebSocketConfigurator", "WebSocketGuard", "Handshake", "HandshakeView",
            // The servlet adapter: the servlet API, loaded only where a servlet container runs the filter or Jersey, or the
            // initializer that shows WebSocket upgrades to the configurator.
            "CorsServletFilter", "ServletFront", "UpgradeRequests");

    /** The only classes that may refer to the servlet API, an optional dependency. */
    static final List<String> SERVLET_ADAPTER = List.of("CorsServletFilter", "ServletFront", "UpgradeRequests");

    @Test
    void onlyTheServletAdapterRefersToTheServletApi() throws IOException, URISyntaxException {
        Path dir = Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("io/github/jaxrscors");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                String name = p.getFileName().toString();
                String topLevel = name.substring(0, name.indexOf(name.contains("$") ? '$' : '.'));
                String constantPool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (!SERVLET_ADAPTER.contains(topLevel) && constantPool.contains("jakarta/servlet")) {
                    offending.add(name);
                }
            }
        }
        assertThat("applications without servlets never load the servlet API", offending, is(empty()));
    }

    @Test
    void everyLibraryClassBelongsToOneGroup() throws IOException, URISyntaxException {
        Path dir = Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("io/github/jaxrscors");
        Set<String> topLevel = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).forEach(topLevel::add);
        }
        Set<String> grouped = new TreeSet<>(ADAPTER_AND_CONTRACT);
        engineAndConfiguration().forEach(grouped::add);
        grouped.add("package-info");
        topLevel.add("package-info");
        assertThat("each class is placed in package-info.java's map and on one side of the boundary", topLevel, is(grouped));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineAndConfiguration")
    void referencesNoJakartaRestOrJerseyType(String simpleName) throws IOException, URISyntaxException {
        Path dir = Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("io/github/jaxrscors");
        List<Path> classFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(simpleName + ".class") || n.startsWith(simpleName + "$");
            }).forEach(classFiles::add);
        }
        assertThat("the class " + simpleName + " exists", classFiles, is(not(empty())));
        List<String> offending = new ArrayList<>();
        for (Path p : classFiles) {
            String constantPool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            if (p.getFileName().toString().equals("CorsDecisionListener.class")) {
                // Its one exception, a class annotation: Jersey's @Contract makes Jersey take a listener registered on
                // the application as a provider; without Jersey the JVM leaves the annotation out (ModulePathIT).
                constantPool = constantPool.replace("Lorg/glassfish/jersey/spi/Contract;", "");
            }
            for (String forbidden : List.of("jakarta/ws/rs", "org/glassfish")) {
                if (constantPool.contains(forbidden)) {
                    offending.add(p.getFileName() + " refers to " + forbidden);
                }
            }
        }
        assertThat("engine and configuration stay free of Jakarta REST and Jersey", offending, is(empty()));
    }
}
