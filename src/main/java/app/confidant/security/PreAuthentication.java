package app.confidant.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a service method that runs before the caller has roles: the way in (password login, token and
 * certificate checks). No role can guard it; the per-account lockout and the per-address limit do. Counts as a
 * statement of roles for {@code DenyByDefaultTest}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PreAuthentication {
}
