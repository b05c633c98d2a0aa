package io.github.jaxrscors.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the library's log records (java.util.logging, FINE and up) while open. The logger is
 * global: any test running at the same time would log into the capture, and two captures would
 * restore each other's level. A class that opens one is {@code @Isolated} (it runs alone under
 * JUnit's parallel execution), as is any class that reads or replaces another global logger.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The library's logger, by the name troubleshooting.md gives users (a capture of another name would see nothing). */
    public static final String LOGGER = "io.github.jaxrscors";

    private final Logger logger = Logger.getLogger(LOGGER);
    private final Level previous = logger.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        logger.setLevel(Level.FINE);
        logger.addHandler(this);
    }

    public List<LogRecord> records() {
        return records;
    }

    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
