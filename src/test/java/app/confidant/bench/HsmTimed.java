package app.confidant.bench;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Binds {@link HsmTimingInterceptor}; {@link HsmTimingExtension} puts it on the HSM session, not the source. */
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface HsmTimed {

    final class Literal extends AnnotationLiteral<HsmTimed> implements HsmTimed {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
