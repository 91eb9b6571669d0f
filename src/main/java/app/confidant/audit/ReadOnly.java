package app.confidant.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a service method that changes nothing, so it needs no {@link Audited} (checked by ArchitectureTest). What
 * it reads in clear is still recorded: {@link ReadAuditInterceptor} writes a {@code data.read} event for every row
 * whose sealed values it opened.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnly {
}
