package io.github.jaxrscors;

import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.inject.Providers;
import org.glassfish.jersey.model.internal.RankedProvider;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * What startup says, once the container starts the application and its resources are known: one
 * INFO line with what is in force; a WARNING for each path rule that can match no resource path;
 * a WARNING where several methods serve one path and HTTP method under different policies; and a
 * WARNING where the container breaks a guarantee, naming the setting that restores it. It also
 * gives the translator the application's routing ({@link PreflightRouter}, the user's
 * {@code @PreMatching} filters), so preflights are answered before matching, and says in one INFO
 * line each which paths wait for matching (under sub-resource locators) and what holds before
 * user {@code @PreMatching} filters.
 *
 * <p>It is a container lifecycle listener, not an application event listener: Jersey builds a
 * monitoring event for every request of an application that has one of those, even one that
 * listens to no request.
 */
final class StartupChecks implements ContainerLifecycleListener {

    /** Jersey's servlet container class: a container of this type (or a subclass) runs Jersey as a servlet or filter. */
    static final String SERVLET_CONTAINER = "org.glassfish.jersey.servlet.ServletContainer";

    /**
     * An application property that, set to {@code false}, leaves every preflight to be answered
     * after matching, as if no route were known before it: the tests and benchmarks compare the two
     * ways with it. Not part of the contract.
     */
    static final String EARLY_PREFLIGHTS = "io.github.jaxrscors.internal.preflightsBeforeMatching";

    private final PolicyTable table;
    private final JerseyTranslator translator;

    StartupChecks(PolicyTable table, JerseyTranslator translator) {
        this.table = table;
        this.translator = translator;
    }

    /**
     * Reads the application's resource model (every root resource is built, and the deploy-time
     * hook has seen every annotated root resource method) and reports it.
     */
    private void checkResources(Container container) {
        // Each piece of what the container knows is read here, once.
        ExtendedResourceContext context = container.getApplicationHandler().getInjectionManager()
                .getInstance(ExtendedResourceContext.class);
        ResourceModel model = context == null ? null : context.getResourceModel();
        if (model == null) {
            return;
        }
        List<String> templates = new ArrayList<>();
        List<String> locators = new ArrayList<>();
        for (Resource resource : model.getResources()) {
            walk(resource, "/" + JerseyTranslator.strip(resource.getPath()), templates, locators);
        }
        CorsLog.info(table.coverage());
        table.warnDefaultOrigins();
        for (PolicyTable.PathRule rule : table.rules()) {
            if (!canMatch(rule, templates, locators)) {
                CorsLog.warn(rule + " can match no resource path of this application, so it covers nothing. Rule paths are "
                        + "relative to the application root, without its context path or servlet mapping; the resource paths "
                        + "are " + templates + ". If the application is mounted at /api/*, write resource(\"/.*\") for all of it, "
                        + "or a path such as \"/users/.*\" for part of it. (A rule meant for WebSocket endpoints only is matched "
                        + "against their paths at each upgrade; this check does not see them.)");
            }
        }
        if ("false".equals(String.valueOf(container.getConfiguration().getProperty(EARLY_PREFLIGHTS)))) {
            return;
        }
        List<String> rewriters = userPreMatchingFilters(container);
        translator.routing(new JerseyTranslator.Routing(PreflightRouter.of(model.getRuntimeResourceModel()), rewriters,
                declaresOptions(model.getRuntimeResourceModel().getRuntimeResources())));
        if (!locators.isEmpty()) {
            // A sub-resource's class, and so its policy, is known only once its locator runs.
            CorsLog.info("Preflights to paths under sub-resource locators are answered after matching, once the locator has "
                    + "run (a filter ordered before the library's post-matching filter sees them): " + locators + ". Every other "
                    + "preflight is answered before matching, ahead of every other filter.");
        }
        if (!rewriters.isEmpty()) {
            CorsLog.info("Preflights are answered before the @PreMatching request filters " + rewriters + ", with the policy of "
                    + "the path and method as sent. A path no resource serves as sent is passed on to them and to matching; "
                    + "a POST preflight that announces a method-override header (X-HTTP-Method-Override, X-HTTP-Method, "
                    + "X-Method-Override) or carries _method must be allowed by every method of its path. A filter that "
                    + "rewrites one served path or method into another under a different policy is not seen: see "
                    + "\"Filters that rewrite the request\" in docs/troubleshooting.md.");
        }
    }

    /**
     * The class names of the {@code @PreMatching} request filters registered besides the library's:
     * they run after it, and may rewrite the request's path or method before Jersey matches it.
     */
    static List<String> userPreMatchingFilters(Container container) {
        List<String> names = new ArrayList<>();
        InjectionManager injection = container.getApplicationHandler().getInjectionManager();
        for (RankedProvider<ContainerRequestFilter> ranked : Providers.getAllRankedProviders(injection, ContainerRequestFilter.class)) {
            Class<?> type = ranked.getProvider().getClass();
            if (type != PreMatchingFilter.class && type.isAnnotationPresent(PreMatching.class)) {
                names.add(type.getName());
            }
        }
        return names;
    }

    private static boolean declaresOptions(List<RuntimeResource> resources) {
        for (RuntimeResource resource : resources) {
            for (ResourceMethod m : resource.getResourceMethods()) {
                if (JerseyTranslator.declaresOptions(m)) {
                    return true;
                }
            }
            if (declaresOptions(resource.getChildRuntimeResources())) {
                return true;
            }
        }
        return false;
    }

    private void walk(Resource resource, String path, List<String> templates, List<String> locators) {
        if (!resource.getResourceMethods().isEmpty()) {
            templates.add(path);
        }
        if (resource.getResourceLocator() != null) {
            locators.add(path);
        }
        warnAmbiguity(resource, path);
        for (Resource child : resource.getChildResources()) {
            String childPath = JerseyTranslator.strip(child.getPath());
            walk(child, path.equals("/") ? "/" + childPath : path + "/" + childPath, templates, locators);
        }
    }

    /**
     * Whether the rule's regex matches a path some resource serves: a sample of each template (its
     * parameters as a digit, then a letter), or anything below a sub-resource locator, whose
     * paths are only known per request.
     */
    private static boolean canMatch(PolicyTable.PathRule rule, List<String> templates, List<String> locators) {
        for (String template : templates) {
            for (String sample : PolicyTable.samplePaths(template)) {
                if (rule.regex().matcher(sample).matches()) {
                    return true;
                }
            }
        }
        for (String locator : locators) {
            for (String sample : PolicyTable.samplePaths(locator)) {
                Matcher m = rule.regex().matcher(sample + "/");
                if (m.matches() || m.hitEnd() || rule.regex().matcher(sample).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Several resource methods serve the same path and HTTP method (by media type) under different
     * CORS policies: a preflight cannot know which one the request will reach, so it is allowed
     * only when every one of them allows it.
     */
    private void warnAmbiguity(Resource resource, String path) {
        Map<String, List<ResourceMethod>> byMethod = new LinkedHashMap<>();
        for (ResourceMethod m : resource.getResourceMethods()) {
            byMethod.computeIfAbsent(m.getHttpMethod(), k -> new ArrayList<>()).add(m);
        }
        byMethod.forEach((httpMethod, methods) -> {
            if (methods.size() > 1) {
                List<String> settings = new ArrayList<>();
                for (ResourceMethod m : methods) {
                    CorsPolicy policy = translator.policy(m, path);
                    settings.add(policy == null ? "not covered" : policy.settings());
                }
                if (settings.stream().distinct().count() > 1) {
                    List<String> names = new ArrayList<>();
                    for (ResourceMethod m : methods) {
                        names.add(JerseyTranslator.name(m.getInvocable().getHandler().getHandlerClass()) + "#"
                                + m.getInvocable().getHandlingMethod().getName());
                    }
                    CorsLog.warn(httpMethod + " " + path + " is served by " + names + " under different CORS policies; "
                            + "a preflight for it is allowed only when every one of them allows it. Give them the same "
                            + "@CrossOrigin to avoid surprises.");
                }
            }
        });
    }

    /**
     * Refuses to start on Jakarta REST 3.0 (Jersey 3.0, as in Dropwizard 4): the library is built
     * and tested for Jakarta REST 3.1 and 4.0. 3.1 added {@code jakarta.ws.rs.core.EntityPart}.
     *
     * @param api the class loader of the Jakarta REST API in use
     */
    static void requireJakartaRest31(ClassLoader api) {
        try {
            Class.forName("jakarta.ws.rs.core.EntityPart", false, api);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jaxrs-cors needs Jakarta REST 3.1 or later (Jersey 3.1 or 4.0); this application "
                    + "runs Jakarta REST 3.0 (Jersey 3.0, as in Dropwizard 4). Upgrade to Jersey 3.1 (Dropwizard 5).");
        }
    }

    @Override
    public void onStartup(Container container) {
        checkResources(container);
        boolean overSendError = Boolean.parseBoolean(String.valueOf(
                container.getConfiguration().getProperty(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR)));
        boolean servlet = isServlet(container.getClass());
        // Outside servlet containers, and with setStatusOverSendError, a 403 without entity keeps its headers.
        translator.refusalEntity(servlet && !overSendError);
        if (!servlet) {
            return;
        }
        // The servlet front filter finds the application under its servlet context.
        ServletFront.register(container, ApplicationRegistration.name(container.getConfiguration()), translator);
        String server = serverInfo(container);
        if (!overSendError && !server.startsWith("Apache Tomcat")) {
            CorsLog.warn("Jersey runs as a servlet in " + server + " and answers error responses without a body (a 404, "
                    + "a 405, a WebApplicationException without entity) through HttpServletResponse.sendError; containers such "
                    + "as Jetty then drop the Vary header from them, so a shared cache may serve one origin's error to "
                    + "another. Set the servlet init-param or application property "
                    + ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR + "=true to keep it (docs/deployment.md).");
        }
    }

    static boolean isServlet(Class<?> containerClass) {
        for (Class<?> c = containerClass; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(SERVLET_CONTAINER)) {
                return true;
            }
        }
        return false;
    }

    /** The servlet container's name and version ({@code jetty/12.1.14}), read without a compile-time servlet dependency. */
    private static String serverInfo(Container container) {
        try {
            Object context = container.getClass().getMethod("getServletContext").invoke(container);
            Object info = context.getClass().getMethod("getServerInfo").invoke(context);
            return String.valueOf(info);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "an unknown servlet container";
        }
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public void onShutdown(Container container) {
    }

    @Override
    public String toString() {
        return "StartupChecks{" + table + "}";
    }
}
