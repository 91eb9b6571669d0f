package app.confidant.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the method's outcome in the audit trail, in the method's own transaction on success (so the change and
 * its record commit together) and on its own when the method fails. State-changing service methods must carry it
 * (ArchitectureTest checks); read-only ones say so with {@link ReadOnly}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action name, e.g. {@code party.create}. */
    @Nonbinding
    String value() default "";

    /** The type of the target, e.g. {@code party}. */
    @Nonbinding
    String target() default "";
}
