package io.github.jaxrscors.deploy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A container that logs through java.util.logging (Tomcat's juli, Jetty through slf4j-jdk14). */
final class JulContainerLog implements ContainerLog {

    private final String loggerName;

    /** @param loggerName the container's logger or a parent of it, e.g. {@code org.apache.catalina.core.ContainerBase} */
    JulContainerLog(String loggerName) {
        this.loggerName = loggerName;
    }

    @Override
    public Recording record() {
        Logger logger = Logger.getLogger(loggerName);
        List<String> failures = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    failures.add(describe(r.getLoggerName(), r.getLevel().getName(), String.valueOf(r.getMessage()), r.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        return new Recording() {
            @Override
            public List<String> failures() {
                return List.copyOf(failures);
            }

            @Override
            public void close() {
                logger.removeHandler(handler);
            }
        };
    }

    /** One logged failure as one line: logger, level, message and the messages of the throwable's chain. */
    static String describe(String logger, String level, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder(logger).append(' ').append(level).append(' ').append(message);
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            line.append(" | ").append(c);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return "java.util.logging " + loggerName;
    }
}
