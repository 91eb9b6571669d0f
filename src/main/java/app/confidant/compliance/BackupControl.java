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
 * backup older than the key). A tenant's report covers and names its own keys; the platform's covers the whole token,
 * naming the platform's keys and counting the tenants'.
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
        // The platform's report names the platform's own keys and counts the tenants' (their labels name tenants;
        // the key inventory, GET /api/v1/keys, names them for the platform's custodians and auditors).
        Set<String> tenantsKeys = new java.util.HashSet<>();
        if (platform) {
            inToken.stream().filter(k -> k.tenant() != null && !TenantScope.PLATFORM.equals(k.tenant()))
                    .forEach(k -> tenantsKeys.add(k.label()));
            live.stream().filter(k -> !TenantScope.PLATFORM.equals(k.tenant())).forEach(k -> tenantsKeys.add(k.label()));
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long tenantsMissing = 0;
        for (RegisteredKey key : live) {
            if (!labels.contains(key.label())) {
                if (tenantsKeys.contains(key.label())) {
                    tenantsMissing++;
                    continue;
                }
                failures.add(key.label() + " (" + key.state() + ") is registered but not in the token: the values it"
                        + " protects cannot be opened" + (backedUp.containsKey(key.label())
                        ? "; restore the verified backup " + backedUp.get(key.label()).backupId() : ""));
            }
        }
        if (tenantsMissing > 0) {
            failures.add(tenantsMissing + " tenant key(s) registered but not in the token: the values they protect"
                    + " cannot be opened (GET /api/v1/keys names them, inToken false)");
        }
        long covered = 0;
        long tenantsUnprotected = 0;
        for (String label : labels.stream().sorted().toList()) {
            if (backedUp.containsKey(label)) {
                covered++;
            } else if (tenantsKeys.contains(label)) {
                tenantsUnprotected++;
            } else {
                warnings.add(label + " is in no verified backup: take a backup and record it (POST /api/v1/key-backups)");
            }
        }
        if (tenantsUnprotected > 0) {
            warnings.add(tenantsUnprotected + " tenant key(s) in no verified backup (GET /api/v1/keys names them):"
                    + " take a backup and record it (POST /api/v1/key-backups)");
        }
        return ControlResult.of("key-backups", "Key backups", failures, warnings, covered + " of " + labels.size()
                + " keys in the token are in a verified backup; " + (live.size() - (long) failures.size()) + " of "
                + live.size() + " registered keys are in the token");
    }
}
