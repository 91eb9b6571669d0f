package app.confidant.bench;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds {@link BaselineInterceptor} to the methods {@link BaselineExtension} picks. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BenchSwitched {

    final class Literal extends AnnotationLiteral<BenchSwitched> implements BenchSwitched {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
