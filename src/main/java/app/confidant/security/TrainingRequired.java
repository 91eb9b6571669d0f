package app.confidant.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) that handles sensitive data — reading it in clear,
 * approving, issuing, revealing, key ceremonies. A person whose training for one of their roles is overdue gets 403
 * {@code training-required} naming the module; enforced by {@link TrainingCheck} after {@link RoleCheck}. Service
 * accounts are not people and are not held to training.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrainingRequired {
}
