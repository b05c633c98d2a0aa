package io.github.jaxrscors.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The CORS configuration error of {@link MisconfiguredBoot} with Jersey started with the
 * application ({@code spring.jersey.servlet.load-on-startup=1}): the application fails to start.
 * A class of its own, so it runs in a JVM of its own (the library logs a configuration error once
 * per JVM, and {@link SpringBootConfigurationErrorTest} counts that record).
 */
class SpringBootEagerStartTest {

    @Test
    void withJerseyLoadedOnStartupTheApplicationFailsToStart() {
        Throwable failure = assertThrows(Throwable.class, () -> SpringBootConfigurationErrorTest.boot("1").run().close(),
                "spring.jersey.servlet.load-on-startup=1 starts Jersey with the application, so its configuration error stops it");
        assertThat("the failure names the setting: " + failure,
                SpringBootConfigurationErrorTest.mentions(failure, MisconfiguredBoot.ERROR_MENTIONS), is(true));
    }
}
