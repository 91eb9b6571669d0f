package app.confidant.keyceremony;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.crypto.HsmKeys;
import app.confidant.crypto.KeyState;
import app.confidant.crypto.KeyVersions;
import app.confidant.crypto.RegisteredKey;
import app.confidant.crypto.TokenKey;
import app.confidant.security.Caller;
import app.confidant.security.CallerContext;
import app.confidant.security.Roles;
import app.confidant.security.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Token backups as a step of key ceremonies. A backup is recorded on evidence, not on a custodian's word: the
 * archive's SHA-256 is checked, the verifier restores it into a scratch token and reports each key's check value,
 * and only keys whose check value equals the live key's count as backed up. The backup is of the whole token, so
 * only the platform's custodians record one (they answer for the HSM itself); a tenant's custodians and auditors
 * see backups with their own tenant's keys only.
 */
@Stateless
@RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
public class KeyBackupService {

    static final int LISTED = 50;

    @Inject
    BackupArchives archives;

    @Inject
    BackupVerifier verifier;

    @Inject
    HsmKeys hsmKeys;

    @Inject
    KeyVersions registry;

    @Inject
    KeyBackupRepository backups;

    @Inject
    CallerContext callers;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key-backup.record", target = "key-backup")
    public KeyBackupResponse record(KeyBackupRequest request) {
        scope.requirePlatform();
        Caller caller = callers.require();
        String sha256 = request.sha256().toLowerCase(Locale.ROOT);
        Path copy = archives.copyVerified(request.archive(), sha256);
        String reported;
        try {
            reported = verifier.run(copy);
        } finally {
            deleteQuietly(copy);
        }
        Map<String, String> live = hsmKeys.inventory().stream()
                .collect(Collectors.toMap(TokenKey::label, TokenKey::kcv, (a, b) -> a));
        Map<String, String> registered = registry.all().stream().filter(k -> k.state() != KeyState.DESTROYED)
                .collect(Collectors.toMap(RegisteredKey::label, RegisteredKey::kcv, (a, b) -> a));
        BackupComparison comparison = BackupComparison.of(reported, live, registered);
        if (!comparison.holdsAnyLiveKey()) {
            throw new KeyCeremonyException(422, "backup-unverified", "The restored backup holds none of the token's"
                    + " keys with a matching check value; nothing was recorded.");
        }
        KeyBackup backup = new KeyBackup(clock.instant(), caller.userId(), caller.name(), request.archive(), sha256,
                request.reason(), comparison);
        backups.add(backup);
        return KeyBackupResponse.of(backup, backup.keys(), comparison.mismatched(), comparison.missing());
    }

    /** The newest backups; a tenant's people see only their own tenant's keys in each. */
    @ReadOnly
    public List<KeyBackupResponse> list() {
        Predicate<String> visible = visibleLabels();
        return backups.newest(LISTED).stream().map(b -> KeyBackupResponse.of(b,
                b.keys().stream().filter(k -> visible.test(k.label())).toList(), List.of(), List.of())).toList();
    }

    private Predicate<String> visibleLabels() {
        if (scope.platform()) {
            return label -> true;
        }
        Map<String, UUID> owners = registry.all().stream()
                .collect(Collectors.toMap(RegisteredKey::label, RegisteredKey::tenant, (a, b) -> a));
        return label -> owners.containsKey(label) && scope.owns(owners.get(label));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a private temporary file; the JVM's temporary directory is cleared with the instance
        }
    }
}
