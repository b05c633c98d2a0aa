package io.github.jaxrscors.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.jaxrscors.guide.OrderApiCorsTest;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The guide's test class ({@link OrderApiCorsTest}), run again in this JVM (started without
 * -Dsun.net.http.allowRestrictedHeaders) with its client switched to a connector built on
 * HttpURLConnection, which drops Origin here: every test fails, loudly, and none is green.
 */
@Tag("unit")
@Tag("without-restricted-headers-flag")
class LostOriginIsLoudTest {

    /** The guide's class, unchanged but for the connector its client uses. */
    static class OnALosingConnector extends OrderApiCorsTest {
        @Override
        protected void configureClient(ClientConfig config) {
            config.connectorProvider(new LosingConnectorProvider());
        }
    }

    /** The guide's class with Jersey's HttpURLConnection connector named explicitly. */
    static class OnAnExplicitHttpUrlConnector extends OrderApiCorsTest {
        @Override
        protected void configureClient(ClientConfig config) {
            config.connectorProvider(new HttpUrlConnectorProvider());
        }
    }

    /** What became of each test of a class run through the JUnit Platform. */
    private static final class Outcomes implements TestExecutionListener {
        final List<String> passed = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                passed.add(test.getDisplayName());
            } else {
                failures.add(result.getThrowable().orElseThrow());
            }
        }
    }

    private static Outcomes run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        Outcomes outcomes = new Outcomes();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), outcomes);
        return outcomes;
    }

    @Test
    void everyTestOfTheGuideFailsLoudlyWhenItsConnectorLosesOrigin() {
        Outcomes outcomes = run(OnALosingConnector.class);
        assertThat("no test is green", outcomes.passed, hasSize(0));
        assertThat("every test ran and failed", outcomes.failures, hasSize(10));
        assertThat(outcomes.failures, everyItem(instanceOf(IllegalStateException.class)));
        for (Throwable failure : outcomes.failures) {
            assertThat(failure.getMessage(), containsString("does not send Origin"));
            assertThat(failure.getMessage(), containsString("-Dsun.net.http.allowRestrictedHeaders=true"));
        }
    }

    @Test
    void theGuideIsGreenWithJerseysHttpUrlConnectorNamedExplicitly() {
        Outcomes outcomes = run(OnAnExplicitHttpUrlConnector.class);
        assertThat(outcomes.failures.toString(), outcomes.failures.isEmpty(), is(true));
        assertThat(outcomes.passed, hasSize(10));
    }
}
