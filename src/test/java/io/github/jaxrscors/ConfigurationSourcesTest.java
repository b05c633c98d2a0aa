package io.github.jaxrscors;

import static io.github.jaxrscors.support.TestOrigins.APP;
import static io.github.jaxrscors.support.TestOrigins.EVIL;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.github.jaxrscors.support.SourcesProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where {@code jaxrs.cors.*} settings are read from, and that every other place a user may put
 * them is named at startup rather than ignored. The JVM-wide sources (system properties, the
 * environment) are tried in a JVM of their own ({@link SourcesProbe}).
 */
@Tag("unit")
class ConfigurationSourcesTest {

    private static Properties system(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void aSystemPropertyJerseyDidNotCopyIsNamedWithTheFlagThatReadsIt() {
        List<String> warnings = ConfigurationSources.unread(Map.of(), system(CorsProperties.ORIGINS, APP), Map.of());
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), containsString("the system properties [jaxrs.cors.origins] are not read: they are read only when "
                + "the JVM also runs with -Djersey.config.allowSystemPropertiesProvider=true, Jersey's switch for system properties."));
    }

    @Test
    void withJerseysSwitchSystemPropertiesAreReadBelowTheApplicationsOwnValues() {
        Properties system = system("jersey.config.allowSystemPropertiesProvider", "true", CorsProperties.ORIGINS, APP,
                CorsProperties.MAX_AGE, "600", "java.vendor", "x");
        Map<String, Object> read = ConfigurationSources.read(Map.of(CorsProperties.MAX_AGE, 60), system);
        assertThat(read, is(Map.of(CorsProperties.ORIGINS, APP, CorsProperties.MAX_AGE, 60)));
        assertThat("nothing left unread to warn about", ConfigurationSources.unread(read, system, Map.of()), is(empty()));
    }

    @Test
    void withoutJerseysSwitchSystemPropertiesAreNotRead() {
        Map<String, Object> config = Map.of();
        assertThat(ConfigurationSources.read(config, system(CorsProperties.ORIGINS, APP)), is(config));
    }

    @Test
    void aSystemPropertyThatReachedJerseysConfigurationIsNotNamed() {
        assertThat(ConfigurationSources.unread(Map.of(CorsProperties.ORIGINS, APP), system(CorsProperties.ORIGINS, APP), Map.of()),
                is(empty()));
    }

    @Test
    void anEnvironmentVariableIsNamedWithTheKeyItStandsFor() {
        List<String> warnings = ConfigurationSources.unread(Map.of(), system(), Map.of("JAXRS_CORS_ORIGINS", APP,
                "JAXRS_CORS_SUPPORTS_CREDENTIALS", "true", "PATH", "/bin"));
        assertThat(warnings, hasSize(1));
        assertThat(warnings.get(0), containsString("the environment variables [JAXRS_CORS_ORIGINS (jaxrs.cors.origins), "
                + "JAXRS_CORS_SUPPORTS_CREDENTIALS (jaxrs.cors.supports-credentials)] are not read: Jersey reads no environment "
                + "variables"));
    }

    @Test
    void anEnvironmentVariableCopiedIntoTheConfigurationIsNotNamed() {
        assertThat(ConfigurationSources.unread(Map.of(CorsProperties.ORIGINS, APP), system(), Map.of("JAXRS_CORS_ORIGINS", APP)),
                is(empty()));
    }

    @Test
    void aMisspeltPrefixIsNamedWithTheKeyMeantWhereverItIs() {
        List<String> warnings = ConfigurationSources.unread(Map.of("jaxrs-cors.origins", APP, "jaxrs_cors_supports_credentials", "true",
                "jersey.config.server.tracing.type", "ALL"), system("jaxrs.crs.origin-patterns", ".*", "JAXRS.CORS.MAX-AGE", "5"), Map.of());
        assertThat(warnings, hasSize(1));
        String w = warnings.get(0);
        assertThat(w, containsString("jaxrs-cors.origins (application property; did you mean jaxrs.cors.origins?)"));
        assertThat(w, containsString("jaxrs_cors_supports_credentials (application property; did you mean jaxrs.cors.supports-credentials?)"));
        assertThat(w, containsString("jaxrs.crs.origin-patterns (system property; did you mean jaxrs.cors.origin-patterns?)"));
        assertThat(w, containsString("JAXRS.CORS.MAX-AGE (system property; did you mean jaxrs.cors.max-age?)"));
        assertThat("other keys are left alone", w, not(containsString("tracing")));
    }

    @Test
    void keysOfOtherLibrariesAreNotTakenForTypos() {
        for (String key : List.of("jersey.config.server.provider.packages", "javax.net.ssl.trustStore", "jaxrs.client.origins.x",
                "spring.jersey.type", "cors.origins", "java.vendor")) {
            assertThat(key, ConfigurationSources.intended(key), is((String) null));
        }
    }

    // ------------------------------------------------------------------ in a JVM of its own

    private static List<String> probe(Map<String, String> environment, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SourcesProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.toUpperCase(java.util.Locale.ROOT).startsWith("JAXRS_CORS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat("the probe ends", process.waitFor(60, TimeUnit.SECONDS), is(true));
        assertThat(output, process.exitValue(), is(0));
        return output.lines().toList();
    }

    @Test
    void aSystemPropertyAloneIsNotReadAndIsNamedAtStartup() throws Exception {
        List<String> out = probe(Map.of(), "-Djaxrs.cors.origins=" + APP);
        assertThat("Jersey did not pass it on: the defaults echo any origin", out, hasItem("ACAO " + EVIL + " " + EVIL));
        assertThat(String.join("\n", out), containsString("WARNING CORS configuration: the system properties [jaxrs.cors.origins] "
                + "are not read"));
    }

    @Test
    void aSystemPropertyIsReadWithJerseysSystemPropertiesSwitch() throws Exception {
        List<String> out = probe(Map.of(), "-Djersey.config.allowSystemPropertiesProvider=true", "-Djaxrs.cors.origins=" + APP);
        assertThat(out, hasItem("ACAO " + APP + " " + APP));
        assertThat(out, hasItem("ACAO " + EVIL + " null"));
        assertThat("nothing to warn about", out.stream().filter(l -> l.startsWith("WARNING ")).toList(), is(empty()));
    }

    @Test
    void anEnvironmentVariableIsNotReadAndIsNamedAtStartup() throws Exception {
        List<String> out = probe(Map.of("JAXRS_CORS_ORIGINS", APP));
        assertThat(out, hasItem("ACAO " + EVIL + " " + EVIL));
        assertThat(String.join("\n", out), containsString("WARNING CORS configuration: the environment variables "
                + "[JAXRS_CORS_ORIGINS (jaxrs.cors.origins)] are not read"));
    }

    @Test
    void aSystemPropertyWithAMisspeltPrefixIsNamedAtStartup() throws Exception {
        List<String> out = probe(Map.of(), "-Djaxrs-cors.origins=" + APP);
        assertThat(String.join("\n", out), containsString("WARNING CORS configuration: the keys [jaxrs-cors.origins (system property; "
                + "did you mean jaxrs.cors.origins?)]"));
    }
}
