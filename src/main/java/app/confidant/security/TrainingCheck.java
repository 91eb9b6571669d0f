package app.confidant.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link TrainingRequired}: runs after {@link RoleCheck} (so 401 and 403 forbidden / step-up come first)
 * and asks {@link TrainingService} whether the caller is overdue on a module one of their roles needs.
 */
@Provider
public class TrainingCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(TrainingRequired.class)
                || resource.getResourceClass().isAnnotationPresent(TrainingRequired.class)) {
            context.register(new Check());
        }
    }

    @Priority(Priorities.AUTHORIZATION + 10)
    private static final class Check implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getProperty(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller) {
                CDI.current().select(TrainingService.class).get().requireCurrent(caller);
            }
        }
    }
}
