package app.confidant.compliance;

import app.confidant.crypto.BackupCoverage;
import app.confidant.crypto.KeyAttributes;
import app.confidant.crypto.KeyState;
import app.confidant.crypto.KeyVersions;
import app.confidant.crypto.RegisteredKey;
import app.confidant.security.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Key backups: every key in the token is in a verified backup (WARN for each that is not), and every registered key
 * that is not destroyed is in the token (FAIL: the values it protects cannot be opened, e.g. after restoring a
 * backup older than the key). A tenant's report covers its own keys; the platform's the whole token.
 */
@ApplicationScoped
public class BackupControl {

    @Inject
    KeyAttributes keys;

    @Inject
    KeyVersions registry;

    @Inject
    BackupCoverage coverage;

    @Inject
    TenantScope scope;

    ControlResult check() {
        List<KeyAttributes.Reading> inToken;
        List<RegisteredKey> live;
        Map<String, BackupCoverage.Covered> backedUp;
        boolean platform = scope.platform();
        try {
            inToken = keys.read().stream().filter(k -> platform || scope.owns(k.tenant())).toList();
            live = registry.all().stream().filter(k -> k.state() != KeyState.DESTROYED)
                    .filter(k -> platform || scope.owns(k.tenant())).toList();
            backedUp = coverage.verified();
        } catch (RuntimeException e) {
            return ControlResult.of("key-backups", "Key backups", List.of("the token or the key registry cannot be"
                    + " read: " + e.getMessage()), List.of(), "coverage unknown");
        }
        Set<String> labels = inToken.stream().map(KeyAttributes.Reading::label).collect(Collectors.toSet());
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RegisteredKey key : live) {
            if (!labels.contains(key.label())) {
                failures.add(key.label() + " (" + key.state() + ") is registered but not in the token: the values it"
                        + " protects cannot be opened" + (backedUp.containsKey(key.label())
                        ? "; restore the verified backup " + backedUp.get(key.label()).backupId() : ""));
            }
        }
        long covered = 0;
        for (String label : labels.stream().sorted().toList()) {
            if (backedUp.containsKey(label)) {
                covered++;
            } else {
                warnings.add(label + " is in no verified backup: take a backup and record it (POST /api/v1/key-backups)");
            }
        }
        return ControlResult.of("key-backups", "Key backups", failures, warnings, covered + " of " + labels.size()
                + " keys in the token are in a verified backup; " + (live.size() - (long) failures.size()) + " of "
                + live.size() + " registered keys are in the token");
    }
}
