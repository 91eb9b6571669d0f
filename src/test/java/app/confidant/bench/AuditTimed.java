package app.confidant.bench;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Binds {@link AuditTimingInterceptor}; {@link AuditTimingExtension} puts it on the audit log, not the source. */
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface AuditTimed {

    final class Literal extends AnnotationLiteral<AuditTimed> implements AuditTimed {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
