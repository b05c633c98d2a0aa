package io.github.jaxrscors.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** A container that logs through logback, as Dropwizard and the Jetty inside it do. */
final class LogbackContainerLog implements ContainerLog {

    private final String loggerName;

    /** @param loggerName the logger or a parent of it, e.g. {@code org.eclipse.jetty} */
    LogbackContainerLog(String loggerName) {
        this.loggerName = loggerName;
    }

    @Override
    public Recording record() {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        List<String> failures = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel())
                            .append(' ').append(event.getFormattedMessage());
                    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                    }
                    failures.add(line.toString());
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        return new Recording() {
            @Override
            public List<String> failures() {
                return List.copyOf(failures);
            }

            @Override
            public void close() {
                logger.detachAppender(appender);
                appender.stop();
            }
        };
    }

    @Override
    public String toString() {
        return "logback " + loggerName;
    }
}
