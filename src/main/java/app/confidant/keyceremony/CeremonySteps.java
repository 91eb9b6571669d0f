package app.confidant.keyceremony;

import app.confidant.audit.ActorSource;
import app.confidant.audit.AuditChains;
import app.confidant.audit.AuditLog;
import app.confidant.crypto.HsmKeys;
import app.confidant.crypto.KeyLifecycleException;
import app.confidant.crypto.KeyPurpose;
import app.confidant.crypto.KeyVersions;
import app.confidant.crypto.RegisteredKey;
import app.confidant.crypto.TokenKey;
import app.confidant.security.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Carries out an approved ceremony, in the approval's transaction; answers what was done, for the record. */
@ApplicationScoped
public class CeremonySteps {

    @Inject
    KeyVersions keys;

    @Inject
    StoredValues storedValues;

    @Inject
    ReencryptionJobs jobs;

    @Inject
    HsmKeys hsmKeys;

    @Inject
    AuditLog audit;

    @Inject
    ActorSource actors;

    @Inject
    TenantService tenants;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.reencryption.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    @ConfigProperty(name = "confidant.reencryption.pause-millis", defaultValue = "20")
    int pauseMillis;

    /** What a carried-out ceremony did, and the key object it created (GENERATE, AUDIT_KEY), if any. */
    record Done(String outcome, String createdKey) {
    }

    Done carryOut(KeyCeremony ceremony) {
        UUID tenant = ceremony.tenantId();
        KeyPurpose purpose = KeyPurpose.valueOf(ceremony.purpose());
        try {
            return switch (ceremony.kind()) {
                case GENERATE -> generated(keys.generate(tenant, purpose));
                case ACTIVATE -> new Done(activate(ceremony, tenant, purpose), null);
                case RETIRE -> new Done(retire(tenant, purpose, ceremony.keyVersion()), null);
                case DESTROY -> new Done("destroyed " + keys.destroy(tenant, purpose, ceremony.keyVersion()).label()
                        + " in the HSM", null);
                case SHRED -> new Done(shred(tenant), null);
                case AUDIT_KEY -> rotateAuditKey();
            };
        } catch (KeyLifecycleException e) {
            throw KeyCeremonyException.conflict("key-state", e.getMessage());
        }
    }

    private static Done generated(RegisteredKey key) {
        return new Done("generated " + key.label() + " in the HSM, KCV " + key.kcv() + "; complete once a verified"
                + " backup holds it", key.label());
    }

    private String activate(KeyCeremony ceremony, UUID tenant, KeyPurpose purpose) {
        if (jobs.unfinishedFor(tenant)) {
            throw KeyCeremonyException.conflict("reencryption-running",
                    "A re-encryption job of this tenant is not finished; activate the next version after it.");
        }
        RegisteredKey key = keys.activate(tenant, purpose, ceremony.keyVersion());
        long total = storedValues.notOn(tenant, purpose, key.version());
        Instant now = clock.instant();
        UUID job = UUID.randomUUID();
        jobs.create(new ReencryptionJob(job, tenant, purpose.name(), key.version(), ReencryptionJob.RUNNING, 0, null,
                0, total, batchSize, pauseMillis, null, null, now, now, null, ceremony.id()));
        return "activated " + key.label() + "; " + (purpose == KeyPurpose.BLIND_INDEX ? "re-indexing" : "re-encryption")
                + " job " + job + " started for " + total + " values";
    }

    private String retire(UUID tenant, KeyPurpose purpose, int version) {
        long inUse = storedValues.perVersion(tenant, purpose).getOrDefault(version, 0L);
        if (inUse > 0) {
            throw KeyCeremonyException.conflict("key-in-use", "Version " + version + " still protects " + inUse
                    + (purpose == KeyPurpose.BLIND_INDEX ? " parties' blind indexes" : " stored values")
                    + "; let the job of the newer version finish first.");
        }
        if (jobs.unfinishedFor(tenant)) {
            // Nothing left on the version, but until the job is done a node may still write with it.
            throw KeyCeremonyException.conflict("reencryption-running",
                    "A job of this tenant has not finished yet; retire the version after it.");
        }
        return "retired " + keys.retire(tenant, purpose, version).label();
    }

    /** The next audit-mac-vN in the HSM, then a new segment of every chain under it, in this transaction. */
    private Done rotateAuditKey() {
        int newest = hsmKeys.inventory().stream().map(TokenKey::label).filter(l -> l.matches("audit-mac-v\\d+"))
                .mapToInt(AuditChains::version).max().orElse(0);
        String label = "audit-mac-v" + (newest + 1);
        String kcv = hsmKeys.generateMac(label);
        audit.startSegment(label, actors.current());
        return new Done("generated " + label + " in the HSM, KCV " + kcv + "; every audit chain continues in a new"
                + " segment under it", label);
    }

    private String shred(UUID tenant) {
        jobs.unfinished().stream().filter(j -> j.tenant().equals(tenant))
                .forEach(j -> jobs.changeState(j.id(), ReencryptionJob.DONE, clock.instant()));
        List<RegisteredKey> destroyed = keys.shred(tenant);
        if (destroyed.isEmpty()) {
            throw KeyCeremonyException.conflict("key-state", "The tenant has no key left to destroy.");
        }
        tenants.markShredded(tenant);
        return "shredded the tenant: destroyed " + destroyed.size() + " key versions ("
                + String.join(", ", destroyed.stream().map(RegisteredKey::label).toList()) + ") in the HSM";
    }
}
