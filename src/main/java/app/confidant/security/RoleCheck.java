package app.confidant.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deny by default for every JAX-RS method: {@code @RolesAllowed} (method, else class) names who may call it,
 * {@code @PermitAll} lets anyone in (with a reason in a comment), and no annotation at all refuses everyone.
 * Anonymous callers get 401, callers without the role 403, callers without a fresh MFA check on a
 * {@link StepUp} method 403 {@code step-up-required}.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        boolean stepUp = method.isAnnotationPresent(StepUp.class) || type.isAnnotationPresent(StepUp.class);
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(Set.of(), false, false));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            context.register(new Check(null, false, stepUp));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(roles(method.getAnnotation(RolesAllowed.class)), false, stepUp));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(roles(type.getAnnotation(RolesAllowed.class)), false, stepUp));
        } else if (type.isAnnotationPresent(PermitAll.class)) {
            context.register(new Check(null, false, stepUp));
        } else {
            context.register(new Check(Set.of(), true, false));
        }
    }

    private static Set<String> roles(RolesAllowed allowed) {
        return Arrays.stream(allowed.value()).collect(Collectors.toUnmodifiableSet());
    }

    // Before any other authorization filter (Jersey's own @RolesAllowed filter, when the runtime registers it, has
    // AUTHORIZATION too and answers a bare ForbiddenException): the refusal is ours, with its code and audit event.
    @Priority(Priorities.AUTHORIZATION - 1)
    private static final class Check implements ContainerRequestFilter {
        private final Set<String> roles;
        private final boolean undeclared;
        private final boolean stepUp;

        Check(Set<String> roles, boolean undeclared, boolean stepUp) {
            this.roles = roles;
            this.undeclared = undeclared;
            this.stepUp = stepUp;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (roles == null) {
                return;
            }
            if (security.getUserPrincipal() == null) {
                throw new SecurityException(401, "unauthenticated", "Authentication required.");
            }
            if (undeclared || roles.stream().noneMatch(security::isUserInRole)) {
                throw SecurityException.forbidden(roles, null);
            }
            // Jersey on a servlet container exposes request attributes as properties.
            Object caller = request.getProperty(Caller.REQUEST_ATTRIBUTE);
            if (stepUp && !(caller instanceof Caller c && c.steppedUp())) {
                throw new SecurityException(403, "step-up-required",
                        "This needs a second-factor check within the last 5 minutes: POST /api/v1/auth/mfa/verify.");
            }
        }
    }
}
