package app.confidant.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "serving": Payara registers the health checks while the application is still deploying, seconds
 * before its web module serves requests; without this check a load balancer would route to an instance that answers
 * 500 or 404 during those seconds.
 */
@Readiness
@ApplicationScoped
public class ServingHealthCheck implements HealthCheck {

    private static volatile boolean serving;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("serving").status(serving).build();
    }

    /** Flips the check when the web module has started, and back when it stops. */
    @WebListener
    public static class WebModule implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            serving = true;
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            serving = false;
        }
    }
}
