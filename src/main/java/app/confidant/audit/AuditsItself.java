package app.confidant.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a state-changing service method that writes its own, more specific audit events through
 * {@link AuditLog} (e.g. login: which user, success, failure or lockout) instead of {@link Audited}'s generic one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditsItself {
}
