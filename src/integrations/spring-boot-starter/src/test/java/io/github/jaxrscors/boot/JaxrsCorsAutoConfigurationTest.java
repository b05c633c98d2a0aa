package io.github.jaxrscors.boot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.hamcrest.Matchers.startsWith;

import io.github.jaxrscors.CorsDecisionListener;
import io.github.jaxrscors.CorsFeature;
import io.github.jaxrscors.CorsMetrics;
import io.github.jaxrscors.CorsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The auto-configuration in an {@code ApplicationContextRunner}: binding of every option, relaxed
 * binding from the environment and the command line, back-off, and the errors that name the
 * property. Runs on Boot 3.5 and, with {@code -Pboot4}, Boot 4 (Jersey's auto-configuration is
 * looked up by name: its package differs).
 */
class JaxrsCorsAutoConfigurationTest {

    private static final String[] JERSEY_AUTO_CONFIGURATION = {
        "org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration",
        "org.springframework.boot.jersey.autoconfigure.JerseyAutoConfiguration"};

    @Configuration(proxyBeanMethods = false)
    static class Application {
        @Bean
        ResourceConfig resourceConfig() {
            return new ResourceConfig();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationWithItsOwnFeature {
        static final CorsFeature OWN = CorsFeature.builder().origins("https://own.example.com").build();

        @Bean
        ResourceConfig resourceConfig() {
            return new RecordingResourceConfig().register(OWN);
        }
    }

    /** Records every CorsFeature registered on it: Jersey itself ignores a second instance of a class, with a warning. */
    static class RecordingResourceConfig extends ResourceConfig {
        final List<Object> corsFeatures = new ArrayList<>();

        @Override
        public ResourceConfig register(Object component) {
            if (component instanceof CorsFeature) {
                corsFeatures.add(component);
            }
            return super.register(component);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FeatureBean {
        static final CorsFeature BEAN = CorsFeature.builder().origins("https://bean.example.com").build();

        @Bean
        CorsFeature corsFeature() {
            return BEAN;
        }
    }

    private static Class<?> jerseyAutoConfiguration() {
        for (String name : JERSEY_AUTO_CONFIGURATION) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                // the other Boot
            }
        }
        throw new AssertionError("no JerseyAutoConfiguration on the classpath");
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JaxrsCorsAutoConfiguration.class))
            .withUserConfiguration(Application.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JaxrsCorsAutoConfiguration.class, jerseyAutoConfiguration()));

    private static String failure(AssertableApplicationContext context) {
        assertThat("the context failed", context.getStartupFailure() != null, is(true));
        for (Throwable c = context.getStartupFailure(); c != null; c = c.getCause()) {
            if (c instanceof InvalidCorsConfigurationException) {
                return c.getMessage();
            }
        }
        throw new AssertionError("no InvalidCorsConfigurationException", context.getStartupFailure());
    }

    @Test
    void everyOptionIsBoundOntoTheBuilderAsIfWrittenByHand() {
        runner.withPropertyValues(
                "jaxrs.cors.origins=https://app.example.com, https://*.example.org",
                "jaxrs.cors.origin-patterns=https://pr-[0-9]+\\.example\\.net",
                "jaxrs.cors.methods=GET,PUT",
                "jaxrs.cors.allow-headers=Content-Type",
                "jaxrs.cors.allow-header-patterns=X-App-.*",
                "jaxrs.cors.expose-headers=X-Total",
                "jaxrs.cors.supports-credentials=true",
                "jaxrs.cors.max-age=10m",
                "jaxrs.cors.send-wildcard=false",
                "jaxrs.cors.vary-header=true",
                "jaxrs.cors.allow-private-network=false",
                "jaxrs.cors.automatic-options=false",
                "jaxrs.cors.intercept-exceptions=false",
                "jaxrs.cors.reject-disallowed-origins=true",
                "jaxrs.cors.cross-site-protection=true",
                "jaxrs.cors.reject-disallowed-origins-report-only=true",
                "jaxrs.cors.cross-site-protection-report-only=true",
                "jaxrs.cors.public-origins=https://api.example.com",
                "jaxrs.cors.trust-forwarded-headers=true",
                "jaxrs.cors.resources[0].path=/public/.*",
                "jaxrs.cors.resources[0].origins=https://partner.example.com",
                "jaxrs.cors.resources[0].supports-credentials=false",
                "jaxrs.cors.resources[0].max-age=60",
                "jaxrs.cors.resources[0].cross-site-protection-report-only=false",
                "jaxrs.cors.resources[1].path=/.*")
                .run(context -> {
                    CorsFeature byHand = CorsFeature.builder()
                            .origins("https://app.example.com", "https://*.example.org")
                            .originPatterns("https://pr-[0-9]+\\.example\\.net")
                            .methods("GET", "PUT")
                            .allowHeaders("Content-Type")
                            .allowHeaderPatterns("X-App-.*")
                            .exposeHeaders("X-Total")
                            .supportsCredentials(true)
                            .sendWildcard(false)
                            .varyHeader(true)
                            .allowPrivateNetwork(false)
                            .automaticOptions(false)
                            .interceptExceptions(false)
                            .rejectDisallowedOrigins(true)
                            .crossSiteProtection(true)
                            .rejectDisallowedOriginsReportOnly(true)
                            .crossSiteProtectionReportOnly(true)
                            .maxAge(Duration.ofMinutes(10))
                            .publicOrigins("https://api.example.com")
                            .trustForwardedHeaders(true)
                            .resource("/public/.*", CorsOptions.builder().origins("https://partner.example.com")
                                    .supportsCredentials(false).maxAge(Duration.ofSeconds(60)).crossSiteProtectionReportOnly(false).build())
                            .resource("/.*", CorsOptions.builder().build())
                            .build();
                    assertThat(context.getBean(CorsFeature.class).toString(), is(byHand.toString()));
                });
    }

    @Test
    void environmentVariablesBindWithRelaxedNames() {
        runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment", Map.of("JAXRS_CORS_ORIGINS", "https://a.example.com,https://b.example.com",
                                "JAXRS_CORS_SUPPORTSCREDENTIALS", "true", "JAXRS_CORS_RESOURCES_0_PATH", "/api/.*"))))
                .run(context -> assertThat(context.getBean(CorsFeature.class).toString(), is(CorsFeature.builder()
                        .origins("https://a.example.com", "https://b.example.com").supportsCredentials(true)
                        .resource("/api/.*", CorsOptions.builder().build()).build().toString())));
    }

    @Test
    void commandLineArgumentsBind() {
        runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(
                        new SimpleCommandLinePropertySource("--jaxrs.cors.origins=https://cli.example.com", "--jaxrs.cors.max-age=PT1M")))
                .run(context -> assertThat(context.getBean(CorsFeature.class).toString(), is(CorsFeature.builder()
                        .origins("https://cli.example.com").maxAge(60).build().toString())));
    }

    @Test
    void theFeatureIsRegisteredOnBootsResourceConfig() {
        web.withUserConfiguration(Application.class).withPropertyValues("jaxrs.cors.origins=https://app.example.com")
                .run(context -> {
                    assertThat(context.getStartupFailure() == null ? "" : context.getStartupFailure().toString(), is(""));
                    ResourceConfig config = context.getBean(ResourceConfig.class);
                    assertThat(config.getInstances(), hasItem(sameInstance(context.getBean(CorsFeature.class))));
                });
    }

    @Test
    void itBacksOffWhenTheResourceConfigRegistersACorsFeatureOfItsOwn() {
        web.withUserConfiguration(ApplicationWithItsOwnFeature.class).withPropertyValues("jaxrs.cors.origins=https://app.example.com")
                .run(context -> {
                    RecordingResourceConfig config = (RecordingResourceConfig) context.getBean(ResourceConfig.class);
                    assertThat("only the application's own feature was registered, the starter's never",
                            config.corsFeatures, is(List.of(ApplicationWithItsOwnFeature.OWN)));
                    assertThat(config.getInstances(), not(hasItem(sameInstance(context.getBean(CorsFeature.class)))));
                });
    }

    @Test
    void aCorsFeatureBeanReplacesTheOneBuiltFromTheProperties() {
        web.withUserConfiguration(Application.class, FeatureBean.class).withPropertyValues("jaxrs.cors.origins=https://app.example.com")
                .run(context -> {
                    assertThat(context.getBean(CorsFeature.class), sameInstance(FeatureBean.BEAN));
                    assertThat(context.getBean(ResourceConfig.class).getInstances(), hasItem(sameInstance(FeatureBean.BEAN)));
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Micrometer {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listener {
        static final CorsDecisionListener LISTENER = event -> { };

        @Bean
        CorsDecisionListener listener() {
            return LISTENER;
        }
    }

    private final ApplicationContextRunner metered = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JaxrsCorsAutoConfiguration.class, JaxrsCorsMetricsAutoConfiguration.class))
            .withUserConfiguration(Application.class);

    @Test
    void withAMeterRegistryBeanTheCountersAreBoundToItAndListenToTheFeature() {
        metered.withUserConfiguration(Micrometer.class).run(context -> {
            assertThat(context.getBeansOfType(CorsMetrics.class).size(), is(1));
            assertThat(context.getBean(CorsMetrics.class).toString(), is("CorsMetrics{jaxrs.cors.requests}"));
            assertThat(context.getBean(CorsFeature.class).toString(), containsString("decisionListeners=1"));
        });
    }

    @Test
    void withoutAMeterRegistryBeanNothingIsCountedAndNoListenerIsAdded() {
        metered.run(context -> {
            assertThat(context.getBeansOfType(CorsMetrics.class).size(), is(0));
            assertThat(context.getBean(CorsFeature.class).toString(), not(containsString("decisionListeners")));
        });
    }

    @Test
    void withoutMicrometerOnTheClassPathTheStarterStillStarts() {
        metered.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(String.valueOf(context.getStartupFailure()), is("null"));
            assertThat(context.getBeansOfType(CorsMetrics.class).size(), is(0));
            assertThat(context.getBean(CorsFeature.class).toString(), not(containsString("decisionListeners")));
        });
    }

    @Test
    void metricsEnabledFalseTurnsTheCountersOff() {
        metered.withUserConfiguration(Micrometer.class).withPropertyValues("jaxrs.cors.metrics.enabled=false").run(context -> {
            assertThat(context.getBeansOfType(CorsMetrics.class).size(), is(0));
            assertThat(context.getBean(CorsFeature.class).toString(), not(containsString("decisionListeners")));
        });
    }

    @Test
    void aDecisionListenerBeanIsAddedToTheFeature() {
        runner.withUserConfiguration(Listener.class)
                .run(context -> assertThat(context.getBean(CorsFeature.class).toString(), containsString("decisionListeners=1")));
    }

    private final WebApplicationContextRunner webSocket = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JaxrsCorsWebSocketAutoConfiguration.class));

    @Test
    void inAServletApplicationWithTheWebSocketApiTheUpgradeHookIsInstalled() {
        webSocket.run(context -> assertThat(context.getBeansOfType(org.springframework.boot.web.servlet.ServletContextInitializer.class)
                .keySet(), contains("jaxrsCorsWebSocketUpgradeHook")));
    }

    @Test
    void withoutTheWebSocketApiOrWithTheStarterOffNoUpgradeHookIsInstalled() {
        webSocket.withClassLoader(new FilteredClassLoader(jakarta.websocket.server.ServerEndpoint.class))
                .run(context -> assertThat(context.containsBean("jaxrsCorsWebSocketUpgradeHook"), is(false)));
        webSocket.withPropertyValues("jaxrs.cors.enabled=false")
                .run(context -> assertThat(context.containsBean("jaxrsCorsWebSocketUpgradeHook"), is(false)));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JaxrsCorsWebSocketAutoConfiguration.class))
                .run(context -> assertThat("not a web application", context.containsBean("jaxrsCorsWebSocketUpgradeHook"), is(false)));
    }

    @Test
    void enabledFalseTurnsTheStarterOff() {
        runner.withPropertyValues("jaxrs.cors.enabled=false").run(context -> assertThat(context.getBeansOfType(CorsFeature.class).size(), is(0)));
    }

    @Test
    void aWrongListEntryIsAStartupErrorNamingItsIndex() {
        runner.withPropertyValues("jaxrs.cors.origins=https://app.example.com,https://app.example.com/")
                .run(context -> assertThat(failure(context), startsWith("jaxrs.cors.origins[1]=https://app.example.com/: ")));
    }

    @Test
    void aWrongEntryInARuleNamesTheRule() {
        runner.withPropertyValues("jaxrs.cors.resources[0].path=/a/.*", "jaxrs.cors.resources[1].path=/b/.*",
                        "jaxrs.cors.resources[1].methods=GET,PO ST")
                .run(context -> assertThat(failure(context), startsWith("jaxrs.cors.resources[1].methods[1]=PO ST: ")));
    }

    @Test
    void anInvalidRulePathNamesThePath() {
        runner.withPropertyValues("jaxrs.cors.resources[0].path=/a/(")
                .run(context -> assertThat(failure(context), startsWith("jaxrs.cors.resources[0].path=/a/(: ")));
    }

    @Test
    void aNegativeMaxAgeNamesIt() {
        runner.withPropertyValues("jaxrs.cors.max-age=-5")
                .run(context -> assertThat(failure(context), startsWith("jaxrs.cors.max-age=PT-5S: ")));
    }

    @Test
    void credentialsWithAnyOriginNamesTheLayer() {
        runner.withPropertyValues("jaxrs.cors.supports-credentials=true")
                .run(context -> {
                    String message = failure(context);
                    assertThat(message, startsWith("jaxrs.cors: "));
                    assertThat(message, containsString("supportsCredentials"));
                    assertThat(message, not(containsString("CorsFeature.builder()")));
                });
    }

    @Test
    void aValueOfTheWrongTypeIsBootsBindingErrorNamingTheProperty() {
        runner.withPropertyValues("jaxrs.cors.supports-credentials=maybe")
                .run(context -> {
                    StringBuilder messages = new StringBuilder();
                    for (Throwable c = context.getStartupFailure(); c != null; c = c.getCause()) {
                        messages.append(c.getMessage()).append('\n');
                    }
                    assertThat(messages.toString(), containsString("'jaxrs.cors.supports-credentials'"));
                });
    }

    @Test
    void applicationWideCredentialsWithRuleOriginsIsNotAnError() {
        runner.withPropertyValues("jaxrs.cors.supports-credentials=true", "jaxrs.cors.resources[0].path=/api/.*",
                        "jaxrs.cors.resources[0].origins=https://app.example.com")
                .run(context -> assertThat(String.valueOf(context.getStartupFailure()), is("null")));
    }

    @Test
    void theMetadataDescribesEveryProperty() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String key : List.of("enabled", "origins", "origin-patterns", "methods", "allow-headers", "allow-header-patterns",
                "expose-headers", "supports-credentials", "max-age", "send-wildcard", "vary-header", "allow-private-network",
                "automatic-options", "intercept-exceptions", "reject-disallowed-origins", "cross-site-protection",
                "reject-disallowed-origins-report-only", "cross-site-protection-report-only", "public-origins",
                "trust-forwarded-headers", "annotated-only", "resources", "metrics.enabled")) {
            int at = json.indexOf("\"name\": \"jaxrs.cors." + key + "\"");
            assertThat("jaxrs.cors." + key + " in the metadata", at >= 0, is(true));
            int end = json.indexOf('}', at);
            assertThat("jaxrs.cors." + key + " has a description", json.substring(json.lastIndexOf('{', at), end), containsString("\"description\""));
        }
    }
}
