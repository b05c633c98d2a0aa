package io.github.jaxrscors.deploy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A servlet filter ahead of Jersey that does what error trackers and APM agents do: it records
 * every exception thrown out of {@code chain.doFilter} and rethrows it unchanged.
 */
public final class FailureRecordingFilter implements Filter {

    private final List<Throwable> seen = new CopyOnWriteArrayList<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            seen.add(e);
            throw e;
        }
    }

    /** The exceptions recorded so far. */
    public List<Throwable> seen() {
        return List.copyOf(seen);
    }

    /** Forgets what was recorded. */
    public void clear() {
        seen.clear();
    }

    /** True when the throwable or one of its causes carries this message. */
    static boolean mentions(Throwable t, String message) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(message)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FailureRecordingFilter" + seen;
    }
}
