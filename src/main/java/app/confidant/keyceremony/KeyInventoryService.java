package app.confidant.keyceremony;

import app.confidant.audit.AuditChains;
import app.confidant.audit.ReadOnly;
import app.confidant.crypto.BackupCoverage;
import app.confidant.crypto.HsmKeys;
import app.confidant.crypto.KeyPurpose;
import app.confidant.crypto.KeyState;
import app.confidant.crypto.KeyVersions;
import app.confidant.crypto.RegisteredKey;
import app.confidant.crypto.TokenKey;
import app.confidant.security.Roles;
import app.confidant.security.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every key in the token and in the registry: tenants' data and blind-index keys (with their life cycle), the audit
 * MAC keys and the health key, with flags read live from the HSM and check values computed in it now. A tenant's
 * custodians and auditors see their tenant's keys only; the platform's see the whole token (every tenant's keys,
 * the audit and health keys, and any key the registry does not know), since they answer for the HSM itself.
 */
@Stateless
@RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
public class KeyInventoryService {

    @Inject
    HsmKeys hsmKeys;

    @Inject
    KeyVersions registry;

    @Inject
    StoredValues storedValues;

    @Inject
    TenantScope scope;

    @Inject
    BackupCoverage coverage;

    @Inject
    @ConfigProperty(name = "confidant.keys.cryptoperiod-days", defaultValue = "365")
    int cryptoperiodDays;

    @ReadOnly
    public List<KeyResponse> inventory() {
        Map<String, TokenKey> inToken = hsmKeys.inventory().stream()
                .collect(Collectors.toMap(TokenKey::label, Function.identity(), (a, b) -> a));
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        List<KeyResponse> keys = new ArrayList<>();
        boolean platform = scope.platform();
        Map<String, BackupCoverage.Covered> backedUp = coverage.verified();
        for (RegisteredKey key : registry.all()) {
            TokenKey token = inToken.remove(key.label());
            if (!platform && !scope.owns(key.tenant())) {
                continue;
            }
            long values = counts.computeIfAbsent(key.tenant() + "/" + key.purpose(),
                    k -> storedValues.perVersion(key.tenant(), key.purpose())).getOrDefault(key.version(), 0L);
            keys.add(registered(key, token, values, backedUp.get(key.label())));
        }
        if (!platform) {
            return keys;
        }
        int newestAuditKey = inToken.keySet().stream().filter(l -> l.matches("audit-mac-v\\d+"))
                .mapToInt(AuditChains::version).max().orElse(0);
        inToken.values().forEach(token -> keys.add(unregistered(token, newestAuditKey, backedUp.get(token.label()))));
        return keys;
    }

    private KeyResponse registered(RegisteredKey key, TokenKey token, long values, BackupCoverage.Covered backup) {
        boolean live = key.state() == KeyState.ACTIVE || key.state() == KeyState.DECRYPT_ONLY;
        Instant due = live && key.activatedAt() != null ? key.activatedAt().plus(Duration.ofDays(cryptoperiodDays))
                : null;
        return new KeyResponse(key.label(), key.purpose() == KeyPurpose.SEAL ? "DATA" : "BLIND_INDEX", key.tenant(),
                key.version(), key.state().name(), key.createdAt(), key.activatedAt(), key.retiredAt(),
                key.destroyedAt(), cryptoperiodDays, due, token != null, token == null ? null : token.tokenObject(),
                token == null ? null : token.sensitive(), token == null ? null : token.extractable(),
                token == null ? null : token.neverExtractable(), token == null ? null : token.local(),
                token == null ? null : !token.encodedIsNull(), token == null ? null : token.kcv(), key.kcv(),
                token == null ? null : token.kcv().equals(key.kcv()), key.invocationsReserved(), values,
                backup == null ? null : backup.backupId(), backup == null ? null : backup.recordedAt());
    }

    /** The token's own keys: the health key, and audit MAC keys (older ones only verify older chain segments). */
    private static KeyResponse unregistered(TokenKey token, int newestAuditKey, BackupCoverage.Covered backup) {
        boolean audit = token.label().matches("audit-mac-v\\d+");
        String purpose = token.label().equals("health") ? "HEALTH" : audit ? "AUDIT_MAC" : "UNREGISTERED";
        Integer version = audit ? Integer.valueOf(AuditChains.version(token.label())) : null;
        String state = audit && version < newestAuditKey ? "DECRYPT_ONLY" : "ACTIVE";
        return new KeyResponse(token.label(), purpose, null, version, state, null, null, null, null, null, null,
                true, token.tokenObject(), token.sensitive(), token.extractable(), token.neverExtractable(),
                token.local(), !token.encodedIsNull(), token.kcv(), null, null, null, null,
                backup == null ? null : backup.backupId(), backup == null ? null : backup.recordedAt());
    }
}
