package app.confidant.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on CDI beans (method first, then class), as
 * the EJB container does on enterprise beans: no caller (outside a request, or anonymous) 401, a caller without
 * one of the roles 403. Runs before the transaction starts, so a refusal costs nothing.
 */
@RolesChecked
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RolesInterceptor {

    @Inject
    Instance<CallerContext> callers;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Set<String> allowed = allowedRoles(invocation.getMethod());
        if (allowed != null) {
            Caller caller = caller().orElseThrow(() -> new SecurityException(401, "unauthenticated",
                    "Authentication required."));
            if (!caller.hasAnyRole(allowed)) {
                Method method = invocation.getMethod();
                throw SecurityException.forbidden(allowed,
                        method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        return invocation.proceed();
    }

    /** The roles that may call the method; null for anyone (also for methods that state nothing: the build refuses those). */
    static Set<String> allowedRoles(Method method) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        if (method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(PreAuthentication.class)) {
            return null;
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of(method.getAnnotation(RolesAllowed.class).value());
        }
        Class<?> type = method.getDeclaringClass();
        if (type.isAnnotationPresent(DenyAll.class)) {
            return Set.of();
        }
        if (type.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of(type.getAnnotation(RolesAllowed.class).value());
        }
        return null;
    }

    private Optional<Caller> caller() {
        try {
            return callers.get().current();
        } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
            return Optional.empty();
        }
    }
}
