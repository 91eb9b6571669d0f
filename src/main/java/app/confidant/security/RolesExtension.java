package app.confidant.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Makes {@code @RolesAllowed} mean on CDI beans what it means on EJBs. Jakarta EE enforces it only on enterprise
 * beans (and Confidant's {@link RoleCheck} on resources); on a CDI bean it is ignored unless something binds an
 * interceptor to it (jakartaee/security#295 is open; Payara offers its own {@code @RolesPermitted} instead). This
 * extension adds {@link RolesChecked} to every CDI bean that declares roles, so {@link RolesInterceptor} checks them.
 */
public class RolesExtension implements Extension {

    private static final List<String> CHECKED_ELSEWHERE = List.of("jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful");

    <T> void bindRoleCheck(@Observes @WithAnnotations({RolesAllowed.class, DenyAll.class}) ProcessAnnotatedType<T> type) {
        Class<T> bean = type.getAnnotatedType().getJavaClass();
        boolean enterpriseBean = CHECKED_ELSEWHERE.stream().anyMatch(ejb -> java.util.Arrays.stream(bean.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(ejb)));
        if (!enterpriseBean && !bean.isAnnotationPresent(Path.class)) {
            type.configureAnnotatedType().add(RolesChecked.Literal.INSTANCE);
        }
    }
}
