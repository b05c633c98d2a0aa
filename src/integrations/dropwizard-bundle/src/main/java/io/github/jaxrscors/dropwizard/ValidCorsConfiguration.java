package io.github.jaxrscors.dropwizard;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@link CorsFactory} the library accepts: each value, each rule and the block as a whole. */
@Documented
@Constraint(validatedBy = CorsFactoryValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCorsConfiguration {

    /** @return the message, unused: each violation carries the library's reason */
    String message() default "is not a CORS configuration the library accepts";

    /** @return the validation groups */
    Class<?>[] groups() default {};

    /** @return the payload */
    Class<? extends Payload>[] payload() default {};
}
