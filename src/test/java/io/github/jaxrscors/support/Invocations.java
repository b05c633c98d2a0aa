package io.github.jaxrscors.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts resource method invocations, so tests can prove a preflight never runs one. The counts
 * are static, shared by every test class: a class that records, reads or resets them carries
 * {@code @ResourceLock(Invocations.LOCK)}, so no two such classes run at the same time.
 */
public final class Invocations {

    /** The JUnit resource every user of these counts locks. */
    public static final String LOCK = "io.github.jaxrscors.support.Invocations";

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private Invocations() {
    }

    public static void record(String name) {
        COUNTS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    public static int count(String name) {
        AtomicInteger c = COUNTS.get(name);
        return c == null ? 0 : c.get();
    }

    public static void reset() {
        COUNTS.clear();
    }
}
