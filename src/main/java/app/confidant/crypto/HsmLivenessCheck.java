package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check "hsm-session": DOWN when a session that worked was lost and could not be re-opened within
 * {@code confidant.hsm.heal-timeout-seconds}, so that the platform restarts the instance. Some token failures
 * cannot heal inside one process: SoftHSM2 2.6.1 whose token directory vanished and came back answers every new
 * SunPKCS11 provider with "Initialization failed" until the process restarts (measured; see README).
 * A token that was never reachable (wrong PIN, no token) leaves liveness UP: restarting would not help.
 */
@Liveness
@ApplicationScoped
public class HsmLivenessCheck implements HealthCheck {

    @Inject
    HsmSession session;

    @Inject
    @ConfigProperty(name = "confidant.hsm.heal-timeout-seconds", defaultValue = "60")
    long healTimeoutSeconds;

    @Override
    public HealthCheckResponse call() {
        Duration lost = session.lostFor();
        if (lost.toSeconds() >= healTimeoutSeconds) {
            return HealthCheckResponse.named("hsm-session").down()
                    .withData("reason", "HSM session lost " + lost.toSeconds() + " s ago and not re-opened: "
                            + session.failure().orElse("unknown"))
                    .build();
        }
        return HealthCheckResponse.named("hsm-session").up().build();
    }
}
