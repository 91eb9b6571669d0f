package app.confidant.keyceremony;

import app.confidant.crypto.KeyPurpose;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A custodian's proposal. A ceremony acts on the tenant the custodian works in: {@code tenantId} may be left out,
 * and if given it must name that tenant (AUDIT_KEY concerns no tenant and ignores it); {@code version} names the
 * key version for ACTIVATE, RETIRE and DESTROY; {@code purpose} defaults to SEAL (the data key); {@code validForSeconds} may shorten the approval window, never lengthen it.
 */
public record CeremonyRequest(@NotNull CeremonyKind kind, UUID tenantId, KeyPurpose purpose,
        @Min(1) Integer version, @NotBlank @Size(min = 10, max = 500) String reason,
        @Min(1) @Max(86_400) Integer validForSeconds) {

    /** The tenant of ceremonies that concern no tenant (the audit key). */
    static final UUID NO_TENANT = new UUID(0L, 0L);

    public CeremonyRequest {
        purpose = purpose == null ? KeyPurpose.SEAL : purpose;
        tenantId = kind == CeremonyKind.AUDIT_KEY ? NO_TENANT : tenantId;
    }

    /** The same proposal for the tenant it acts on. */
    CeremonyRequest in(UUID tenant) {
        return new CeremonyRequest(kind, tenant, purpose, version, reason, validForSeconds);
    }
}
