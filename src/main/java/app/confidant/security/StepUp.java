package app.confidant.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that needs an MFA check younger than five minutes (approving, issuing, revealing, user
 * and role administration, key ceremonies); enforced by {@link RoleCheck}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StepUp {
}
