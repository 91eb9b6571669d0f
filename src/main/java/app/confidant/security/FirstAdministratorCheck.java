package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "first-administrator": DOWN until the first start has created the first administrator (or found
 * that users exist), so that when an instance reports ready, the one-time password file is already written and the
 * launcher can show it — on PostgreSQL as on the embedded database.
 */
@Readiness
@ApplicationScoped
public class FirstAdministratorCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("first-administrator").status(BootstrapAdministrator.settled()).build();
    }
}
