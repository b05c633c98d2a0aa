package io.github.jaxrscors.deploy;

import static io.github.jaxrscors.deploy.NotesApplication.ORIGIN;
import static io.github.jaxrscors.deploy.ReplyMatchers.accessControlHeadersAre;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A CORS configuration error ({@code supportsCredentials} with origins {@code *}) on Spring Boot's
 * Jersey starter: with Boot's default lazy Jersey start the application starts, so every covered
 * request must fail closed and the library log the error once at ERROR (Tomcat logs its failed
 * servlet start as well, in its own records). {@link SpringBootEagerStartTest} shows that with
 * {@code spring.jersey.servlet.load-on-startup=1} startup itself fails.
 */
class SpringBootConfigurationErrorTest {

    static SpringApplicationBuilder boot(String loadOnStartup) {
        return new SpringApplicationBuilder(MisconfiguredBoot.class).properties("server.port=0", "server.address=localhost",
                "server.servlet.context-path=/ctx", "spring.jersey.application-path=/api",
                "spring.jersey.servlet.load-on-startup=" + loadOnStartup);
    }

    @Test
    void withBootsLazyJerseyStartEveryCoveredRequestFailsClosedAndTheErrorIsLoggedOnce() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String line = JulContainerLog.describe(r.getLoggerName(), r.getLevel().getName(), String.valueOf(r.getMessage()), r.getThrown());
                // The library's own record: the container logs its failed servlet start too, in its own words.
                if (r.getLevel().intValue() >= Level.SEVERE.intValue() && "io.github.jaxrscors".equals(r.getLoggerName())
                        && line.toLowerCase(Locale.ROOT).contains(MisconfiguredBoot.ERROR_MENTIONS)) {
                    errors.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // On the root logger from before the start: the error may be logged at startup or at the first request.
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try (ConfigurableApplicationContext context = boot("-1").run()) {
            HttpProbe probe = new HttpProbe(URI.create("http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port")
                    + "/ctx/api/"));
            List<HttpReply> replies = List.of(
                    probe.send("OPTIONS", "notes/7", null, "Origin", ORIGIN, "Access-Control-Request-Method", "PUT"),
                    probe.send("GET", "notes/7", null, "Origin", ORIGIN),
                    probe.send("POST", "notes", "{}", "Origin", ORIGIN),
                    probe.send("GET", "notes/7", null, "Origin", "https://any.example.org"));
            for (HttpReply r : replies) {
                assertThat("fails closed: no CORS header opens the response to a script", r, accessControlHeadersAre());
            }
            assertThat("the configuration error is logged once at ERROR, with its message, over " + replies.size()
                    + " requests; logged " + errors + "; replies " + replies, errors.size(), is(1));
        } finally {
            root.removeHandler(handler);
        }
    }

    static boolean mentions(Throwable t, String words) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }
}
