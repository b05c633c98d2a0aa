package io.github.jaxrscors.dropwizard;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.LeafNodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.LeafNodeBuilderDefinedContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import java.util.List;

/**
 * Validates a {@link CorsFactory} with the library's own checks, and reports the refused value at its
 * path below the block, so Dropwizard's configuration error names it: {@code cors.origins[1] ...}.
 */
public final class CorsFactoryValidator implements ConstraintValidator<ValidCorsConfiguration, CorsFactory> {

    /** Made by the validation provider. */
    public CorsFactoryValidator() {
    }

    @Override
    public boolean isValid(CorsFactory value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Binding.Problem problem = Binding.check(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        addAt(context.buildConstraintViolationWithTemplate("is refused: " + escape(problem.reason())), problem.path());
        return false;
    }

    /**
     * Adds the violation at a path: a name is a property node; an index puts the following property
     * node, or a closing bean node, in the list at that index ({@code resources[0].path}, {@code origins[1]}).
     */
    private static void addAt(ConstraintViolationBuilder violation, List<Object> path) {
        Object at = violation;
        Integer index = null;
        for (Object element : path) {
            if (element instanceof Integer i) {
                index = i;
                continue;
            }
            at = property(at, (String) element);
            if (index != null) {
                at = ((NodeBuilderCustomizableContext) at).inIterable().atIndex(index);
                index = null;
            }
        }
        if (index != null) {
            at = bean(at).inIterable().atIndex(index);
        }
        if (at instanceof ConstraintViolationBuilder b) {
            b.addConstraintViolation();
        } else if (at instanceof NodeBuilderCustomizableContext c) {
            c.addConstraintViolation();
        } else if (at instanceof NodeBuilderDefinedContext c) {
            c.addConstraintViolation();
        } else {
            ((LeafNodeBuilderDefinedContext) at).addConstraintViolation();
        }
    }

    private static NodeBuilderCustomizableContext property(Object at, String name) {
        if (at instanceof ConstraintViolationBuilder b) {
            return b.addPropertyNode(name);
        }
        if (at instanceof NodeBuilderCustomizableContext c) {
            return c.addPropertyNode(name);
        }
        return ((NodeBuilderDefinedContext) at).addPropertyNode(name);
    }

    private static LeafNodeBuilderCustomizableContext bean(Object at) {
        if (at instanceof ConstraintViolationBuilder b) {
            return b.addBeanNode();
        }
        if (at instanceof NodeBuilderCustomizableContext c) {
            return c.addBeanNode();
        }
        return ((NodeBuilderDefinedContext) at).addBeanNode();
    }

    /** Message templates interpolate braces, dollars and backslashes; the library's reasons quote regexes. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
