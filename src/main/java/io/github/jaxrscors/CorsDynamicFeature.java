package io.github.jaxrscors;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.model.AnnotatedMethod;
import org.jspecify.annotations.Nullable;

/**
 * Deploy-time hook: reads {@link CrossOrigin} on each resource method and class once, directly or
 * through a composed annotation (an annotation type that carries {@code @CrossOrigin}), and has
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
        String className = JerseyTranslator.name(resourceClass);
        String target = className + "#" + method.getName();
        try {
            Layer methodLayer = layer(annotated, target);
            Layer classLayer = classLayer(resourceClass, className);
            if (methodLayer == null && classLayer == null) {
                return;
            }
            for (Layer layer : new Layer[] {methodLayer, classLayer}) {
                for (Layer l = layer; l != null; l = l.composed()) {
                    PolicyResolver.checkLayer(target, l);
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
     * The CORS layer of one element: its direct {@code @CrossOrigin} over the {@code @CrossOrigin}
     * its composed annotation carries (attribute by attribute: the direct one's attributes that are
     * set win), either alone, or null when it has neither. Composition is one level deep: the
     * composed annotation's type carries {@code @CrossOrigin} itself, and the composed annotation's
     * own attributes are not read.
     *
     * @param where the element as messages name it ({@code UserResource#list}, {@code UserResource})
     * @throws IllegalStateException when the element carries two composed annotations
     */
    @Nullable Layer layer(AnnotatedElement element, String where) {
        CrossOrigin direct = element.getAnnotation(CrossOrigin.class);
        Annotation composed = null;
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(CrossOrigin.class)) {
                if (composed != null) {
                    throw PolicyResolver.error(where, "it carries two annotations composed with @CrossOrigin, @"
                            + JerseyTranslator.name(composed.annotationType())
                            + " and @" + JerseyTranslator.name(a.annotationType()) + ", and which one's "
                            + "options apply would depend on the order the JVM reports them. Keep one, and put any other "
                            + "options in a @CrossOrigin on " + where + ".");
                }
                composed = a;
            }
        }
        Layer below = null;
        if (composed != null) {
            String annotation = "@" + JerseyTranslator.name(composed.annotationType());
            below = new Layer(options(composed.annotationType().getAnnotation(CrossOrigin.class)), annotation + " (@CrossOrigin) on " + where);
            table.composedAnnotation(annotation);
        }
        if (direct == null) {
            return below;
        }
        Layer layer = new Layer(options(direct), "@CrossOrigin on " + where);
        return below == null ? layer : layer.over(below);
    }

    /**
     * The class's CORS layer: that of the first type in {@link #lookupOrder} that carries
     * {@code @CrossOrigin} directly or through a composed annotation. The nearest type wins; its
     * layer is not merged with those of types further up.
     */
    @Nullable Layer classLayer(Class<?> resourceClass, String className) {
        for (Class<?> type : lookupOrder(resourceClass)) {
            Layer found = layer(type, className);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The annotation on the first type in {@link #lookupOrder} that carries it, or null. */
    static <A extends Annotation> @Nullable A inherited(Class<?> resourceClass, Class<A> type) {
        for (Class<?> c : lookupOrder(resourceClass)) {
            A found = c.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The types a class-level annotation is looked up on, nearest first: the class, then its
     * superclasses up to (not including) {@code Object}; then the interfaces, class by class from
     * the resource class up, each class's interfaces breadth first (those it declares, in declaration
     * order, then the interfaces those extend, and so on), each interface once. Jersey looks up
     * resource-method annotations on the same types.
     */
    static List<Class<?>> lookupOrder(Class<?> resourceClass) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.add(c);
        }
        Set<Class<?>> order = new LinkedHashSet<>(classes);
        for (Class<?> c : classes) {
            Deque<Class<?>> next = new ArrayDeque<>(List.of(c.getInterfaces()));
            while (!next.isEmpty()) {
                Class<?> i = next.removeFirst();
                if (order.add(i)) {
                    next.addAll(List.of(i.getInterfaces()));
                }
            }
        }
        return List.copyOf(order);
    }

    /**
     * The request path template of a root resource method ({@code /users/{id}}), or null when no
     * class in its hierarchy has {@code @Path} (a sub-resource, whose path depends on its locator).
     */
    static @Nullable String template(Class<?> resourceClass, @Nullable Path onMethod) {
        Path onClass = inherited(resourceClass, Path.class);
        if (onClass == null) {
            return null;
        }
        String path = "/" + JerseyTranslator.strip(onClass.value()) + (onMethod == null ? "" : "/" + JerseyTranslator.strip(onMethod.value()));
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The attributes that are set, as a layer of options; the "not set" values stay unset. */
    static CorsOptions options(CrossOrigin a) {
        CorsOptions.Builder b = CorsOptions.builder();
        for (Option<?> option : Option.POLICY) {
            set(b, option, a);
        }
        return b.build();
    }

    private static <T> void set(CorsOptions.Builder b, Option<T> option, CrossOrigin a) {
        T value = option.fromAnnotation(a);
        if (value != null) {
            b.set(option, value);
        }
    }

    @Override
    public String toString() {
        return "CorsDynamicFeature{" + table + "}";
    }
}
