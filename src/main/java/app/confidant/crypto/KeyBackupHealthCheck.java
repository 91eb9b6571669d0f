package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "key-backups": always UP (a key without a backup is a risk to act on, not a reason to stop
 * serving), with a warning that counts the keys in no verified backup and the registered keys that should be in the
 * token and are not (for example after restoring a backup older than the key). Counts only: readiness answers
 * anyone who reaches the port, and key labels name tenants; the inventory and the security report name the keys.
 */
@Readiness
@ApplicationScoped
public class KeyBackupHealthCheck implements HealthCheck {

    private static final String WHICH = ": GET /api/v1/keys or the security report names them";

    @Inject
    HsmKeys hsmKeys;

    @Inject
    KeyVersions registry;

    @Inject
    BackupCoverage coverage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("key-backups").up();
        try {
            Set<String> inToken = new TreeSet<>(hsmKeys.labels());
            List<RegisteredKey> live = registry.all().stream().filter(k -> k.state() != KeyState.DESTROYED).toList();
            Set<String> expected = new TreeSet<>(inToken);
            live.forEach(k -> expected.add(k.label()));
            Set<String> covered = coverage.verified().keySet();
            List<String> unprotected = expected.stream().filter(l -> !covered.contains(l)).toList();
            List<String> missing = live.stream().map(RegisteredKey::label).filter(l -> !inToken.contains(l)).toList();
            response.withData("keysWithoutVerifiedBackup", unprotected.size());
            response.withData("keysMissingFromToken", missing.size());
            if (!unprotected.isEmpty()) {
                response.withData("warning", unprotected.size() + " key(s) in no verified backup" + WHICH);
            }
            if (!missing.isEmpty()) {
                response.withData("missingFromToken", missing.size() + " registered key(s) the token does not hold"
                        + WHICH);
            }
        } catch (RuntimeException e) {
            response.withData("warning", "backup coverage unknown: the token or the registry cannot be read"
                    + " (see the hsm and database checks)");
        }
        return response.build();
    }
}
