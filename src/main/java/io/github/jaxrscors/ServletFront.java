package io.github.jaxrscors;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.util.Collection;
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
    static void register(Object container, String applicationName, JerseyTranslator translator) {
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
        sayWhatStandsInFront(context, name);
        sayWhetherUpgradesAreShown(context, applicationName);
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

    /**
     * A servlet context that serves WebSocket endpoints (its {@code ServerContainer} attribute is
     * set) without the library's upgrade hook: {@code checkOrigin} sees the {@code Origin} alone
     * there, so same-origin pages (by {@code Host}), path rules and request-aware predicates cannot
     * be told, and the upgrades they would allow are refused. Said at startup, with the fix.
     */
    private static void sayWhetherUpgradesAreShown(ServletContext context, String applicationName) {
        if (context.getAttribute("jakarta.websocket.server.ServerContainer") == null
                || context.getAttribute(WebSocketGuard.HOOK_ATTRIBUTE) != null) {
            return;
        }
        CorsLog.warn("The servlet context of the Jersey application " + applicationName + " serves WebSocket endpoints, but "
                + "io.github.jaxrscors.CorsServletFilter is not registered as its ServletContainerInitializer, so a "
                + "CorsWebSocketConfigurator sees an upgrade's Origin alone: a same-origin page is recognized only through "
                + "publicOrigins, and where resource(...) rules or a request-aware originPredicate would decide, every cross-origin "
                + "upgrade is refused with 403. In a war it is found by itself; embedded, add it: Jetty "
                + "context.addServletContainerInitializer(new CorsServletFilter(), endpoints...), Tomcat "
                + "context.addServletContainerInitializer(new CorsServletFilter(), Set.of(endpoints...)) (docs/deployment.md).");
    }

    /**
     * Names the servlet filters mapped on the Jersey servlet's paths (or to it by name): without
     * {@link CorsServletFilter} among them, they see every preflight and write responses without
     * CORS headers (a WARNING); with it, the order of the mappings decides, which the servlet API
     * does not show (an INFO line). A container {@code security-constraint} cannot be seen from
     * here at all: the docs say how to check it.
     */
    static void sayWhatStandsInFront(ServletContext context, @Nullable String servletName) {
        List<String> inFront = new java.util.ArrayList<>();
        boolean front = false;
        try {
            Collection<String> servletMappings = servletName == null ? List.of("/*")
                    : context.getServletRegistration(servletName) == null ? List.of("/*")
                    : context.getServletRegistration(servletName).getMappings();
            for (FilterRegistration filter : context.getFilterRegistrations().values()) {
                if (!covers(filter, servletName, servletMappings)) {
                    continue;
                }
                if (CorsServletFilter.class.getName().equals(filter.getClassName())) {
                    front = true;
                } else {
                    inFront.add(filter.getName() + (filter.getClassName() == null ? "" : " (" + filter.getClassName() + ")"));
                }
            }
        } catch (RuntimeException notAllowed) {
            return; // a container that does not show its filters here: the docs say how to check
        }
        if (inFront.isEmpty()) {
            return;
        }
        java.util.Collections.sort(inFront);
        String where = servletName == null ? "the Jersey filter" : "the Jersey servlet " + servletName;
        if (!front) {
            CorsLog.warn("The servlet filters " + inFront + " are mapped on the paths of " + where + " and run before it: they "
                    + "see every preflight (a preflight carries no credentials, so an authentication filter answers it 401) and "
                    + "whatever they answer carries no CORS headers. Map " + CorsServletFilter.class.getName() + " first of all "
                    + "filters on these paths (docs/deployment.md).");
        } else {
            CorsLog.info(CorsServletFilter.class.getName() + " and the servlet filters " + inFront + " are mapped on the paths "
                    + "of " + where + "; they run in the order of their mappings, which the container does not show: map "
                    + "CorsServletFilter first.");
        }
    }

    /** Whether {@code filter} is mapped to the servlet by name, or on a URL pattern that reaches its mappings. */
    private static boolean covers(FilterRegistration filter, @Nullable String servletName, Collection<String> servletMappings) {
        if (servletName != null && filter.getServletNameMappings().contains(servletName)) {
            return true;
        }
        for (String pattern : filter.getUrlPatternMappings()) {
            if (pattern.equals("/*") || servletMappings.contains(pattern)) {
                return true;
            }
            for (String mapping : servletMappings) {
                if (pattern.endsWith("/*") && mapping.startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
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
