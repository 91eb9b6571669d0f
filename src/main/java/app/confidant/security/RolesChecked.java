package app.confidant.security;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link RolesInterceptor}. Never written by hand: {@link RolesExtension} adds it to every CDI bean that
 * carries {@code @RolesAllowed} or {@code @DenyAll}, because those common annotations are no interceptor bindings.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RolesChecked {

    /** The binding as a value, for the extension. */
    final class Literal extends AnnotationLiteral<RolesChecked> implements RolesChecked {
        private static final long serialVersionUID = 1L;
        static final Literal INSTANCE = new Literal();
    }
}
