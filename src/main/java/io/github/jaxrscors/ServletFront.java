package io.github.jaxrscors;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The Jersey applications of a servlet context, for {@link CorsServletFilter}: each one is added
 * under a servlet context attribute when its Jersey servlet (or filter) starts it. Loaded only
 * where Jersey runs in a servlet container, so applications without servlets never load the
 * servlet API.
 */
final class ServletFront {

    /** The servlet context attribute that holds the list of applications. */
    static final String ATTRIBUTE = "io.github.jaxrscors.applications";

    /**
     * One Jersey application of the context.
     *
     * @param servletName the name of the Jersey servlet that runs it, or null where Jersey runs as a filter
     * @param translator  its translator, which holds its policies and routing
     */
    record Application(@Nullable String servletName, JerseyTranslator translator) {
    }

    private ServletFront() {
    }

    /**
     * Adds the application that {@code container} (Jersey's {@code ServletContainer}, read by
     * reflection: Jersey's servlet module is not a dependency) runs to its servlet context,
     * replacing the one the same servlet ran before (a reload).
     */
    static void register(Object container, JerseyTranslator translator) {
        ServletContext context;
        Object config;
        try {
            context = (ServletContext) container.getClass().getMethod("getServletContext").invoke(container);
            config = container.getClass().getMethod("getServletConfig").invoke(container);
        } catch (ReflectiveOperationException | RuntimeException e) {
            CorsLog.warn("The servlet context of " + container.getClass().getName() + " cannot be read (" + e
                    + "), so CorsServletFilter will not find this application; its covered requests get no CORS headers from it.");
            return;
        }
        if (context == null) {
            return;
        }
        String name = config instanceof ServletConfig servlet ? servlet.getServletName() : null;
        synchronized (context) {
            List<Application> applications = applications(context);
            if (applications == null) {
                applications = new CopyOnWriteArrayList<>();
                context.setAttribute(ATTRIBUTE, applications);
            }
            applications.removeIf(a -> java.util.Objects.equals(a.servletName(), name));
            applications.add(new Application(name, translator));
        }
    }

    /** The applications registered in {@code context}, or null before any has started. */
    @SuppressWarnings("unchecked")
    static @Nullable List<Application> applications(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof List<?> list ? (List<Application>) list : null;
    }

    /**
     * The application served by the servlet named {@code servletName}, or, where Jersey runs as a
     * filter, that one; null where none has started.
     */
    static @Nullable Application find(ServletContext context, @Nullable String servletName) {
        List<Application> applications = applications(context);
        if (applications == null) {
            return null;
        }
        Application filter = null;
        for (Application a : applications) {
            if (a.servletName() == null) {
                filter = a;
            } else if (a.servletName().equals(servletName)) {
                return a;
            }
        }
        return filter;
    }
}
