package io.github.jaxrscors;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * {@code @CrossOrigin} without a registered {@code CorsFeature}, as flask-cors's
 * {@code @cross_origin()} works without {@code CORS(app)}: where an application's resource classes
 * carry {@code @CrossOrigin} (directly, through a composed annotation, or inherited) and no
 * {@code CorsFeature} is registered (as a class, an instance or by package scanning), Jersey's
 * auto-discovery registers one with {@code annotatedOnly()}, so the annotated resources get the
 * annotation over the {@code jaxrs.cors.*} properties and the defaults. Anywhere else it does
 * nothing and says nothing. Jersey skips it when auto-discovery is disabled
 * ({@code jersey.config.disableAutoDiscovery}); then {@code CorsFeature.builder().annotatedOnly().build()}
 * registered by hand does the same.
 */
final class CrossOriginDiscovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        Configuration config = context.getConfiguration();
        if (config.getRuntimeType() != RuntimeType.SERVER || config.isRegistered(CorsFeature.class)) {
            return;
        }
        Set<Class<?>> classes = new LinkedHashSet<>(config.getClasses());
        for (Object instance : config.getInstances()) {
            classes.add(instance.getClass());
        }
        for (Class<?> c : classes) {
            if (carriesCrossOrigin(c)) {
                CorsLog.debug(() -> "@CrossOrigin on " + JerseyTranslator.name(c) + " and no CorsFeature registered: "
                        + "registering CorsFeature.builder().annotatedOnly()");
                context.register(CorsFeature.discovered());
                return;
            }
        }
    }

    /** Whether the class, a superclass or an interface, or one of their methods, carries {@code @CrossOrigin}. */
    static boolean carriesCrossOrigin(Class<?> resourceClass) {
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (carries(c) || anyMethodCarries(c)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (carries(i) || anyMethodCarries(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyMethodCarries(Class<?> c) {
        try {
            for (Method m : c.getDeclaredMethods()) {
                if (carries(m)) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            // A class whose methods cannot be resolved is not a resource Jersey can serve.
        }
        return false;
    }

    private static boolean carries(AnnotatedElement element) {
        if (element.isAnnotationPresent(CrossOrigin.class)) {
            return true;
        }
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(CrossOrigin.class)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "CrossOriginDiscovery";
    }
}
