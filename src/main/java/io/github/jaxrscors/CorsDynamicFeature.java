package io.github.jaxrscors;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.glassfish.jersey.server.model.AnnotatedMethod;

/**
 * Deploy-time hook: reads {@link CrossOrigin} on each resource method and class once, and has
 * the table resolve and validate the method's policy. Nothing is read per request.
 */
final class CorsDynamicFeature implements DynamicFeature {

    private final PolicyTable table;

    CorsDynamicFeature(PolicyTable table) {
        this.table = table;
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        Class<?> resourceClass = info.getResourceClass();
        Method method = info.getResourceMethod();
        if (resourceClass == null || method == null) {
            return;
        }
        // JAX-RS annotation inheritance: the annotations may sit on an interface or superclass.
        AnnotatedMethod annotated = new AnnotatedMethod(method);
        CrossOrigin onMethod = annotated.getAnnotation(CrossOrigin.class);
        CrossOrigin onClass = inherited(resourceClass, CrossOrigin.class);
        if (onMethod == null && onClass == null) {
            return;
        }
        String className = name(resourceClass);
        String target = className + "#" + method.getName();
        Layer methodLayer = onMethod == null ? null : new Layer(options(onMethod), "@CrossOrigin on " + target);
        Layer classLayer = onClass == null ? null : new Layer(options(onClass), "@CrossOrigin on " + className);
        try {
            for (Layer layer : new Layer[] {methodLayer, classLayer}) {
                if (layer != null) {
                    PolicyResolver.checkLayer(target, layer);
                }
            }
            table.addAnnotated(resourceClass, method, target, template(resourceClass, annotated.getAnnotation(Path.class)),
                    methodLayer, classLayer);
        } catch (IllegalStateException e) {
            CorsLog.errorOnce(e.getMessage());
            throw e;
        }
    }

    /**
     * The annotation on the class, else on the nearest superclass, else on an interface (superclasses
     * first, as JAX-RS looks up {@code @Path}), or null.
     */
    static <A extends Annotation> A inherited(Class<?> resourceClass, Class<A> type) {
        A fromInterface = null;
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getAnnotation(type);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (fromInterface == null) {
                    fromInterface = i.getAnnotation(type);
                }
            }
        }
        return fromInterface;
    }

    /**
     * The request path template of a root resource method ({@code /users/{id}}), or null when no
     * class in its hierarchy has {@code @Path} (a sub-resource, whose path depends on its locator).
     */
    static String template(Class<?> resourceClass, Path onMethod) {
        Path onClass = inherited(resourceClass, Path.class);
        if (onClass == null) {
            return null;
        }
        String path = "/" + strip(onClass.value()) + (onMethod == null ? "" : "/" + strip(onMethod.value()));
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A path or template without its leading and trailing slashes; null reads as empty. */
    static String strip(String segment) {
        String s = segment == null ? "" : segment;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The class name without its package: {@code UserResource}, {@code Api$Users}. */
    static String name(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? c.getName() : c.getName().substring(pkg.length() + 1);
    }

    /** The attributes that are set, as a layer of options; the "not set" values stay unset. */
    static CorsOptions options(CrossOrigin a) {
        CorsOptions.Builder b = CorsOptions.builder();
        if (a.origins().length > 0) {
            b.origins(a.origins());
        }
        if (a.originPatterns().length > 0) {
            b.originPatterns(a.originPatterns());
        }
        if (a.methods().length > 0) {
            b.methods(a.methods());
        }
        if (a.allowHeaders().length > 0) {
            b.allowHeaders(a.allowHeaders());
        }
        if (a.allowHeaderPatterns().length > 0) {
            b.allowHeaderPatterns(a.allowHeaderPatterns());
        }
        if (a.exposeHeaders().length > 0) {
            b.exposeHeaders(a.exposeHeaders());
        }
        if (a.maxAge() != -1) {
            b.maxAge(a.maxAge());
        }
        set(a.supportsCredentials(), b::supportsCredentials);
        set(a.sendWildcard(), b::sendWildcard);
        set(a.varyHeader(), b::varyHeader);
        set(a.allowPrivateNetwork(), b::allowPrivateNetwork);
        set(a.automaticOptions(), b::automaticOptions);
        set(a.crossSiteProtection(), b::crossSiteProtection);
        return b.build();
    }

    private static void set(OptBoolean value, Consumer<Boolean> setter) {
        Boolean b = value.toBoolean();
        if (b != null) {
            setter.accept(b);
        }
    }

    @Override
    public String toString() {
        return "CorsDynamicFeature{" + table + "}";
    }
}
