package app.confidant.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit trail. {@link #canonical()} is what the MAC covers: every field but the MAC itself, in a
 * fixed order, as a JSON array — the verifier and any external re-verifier rebuild exactly these bytes.
 */
public record AuditRecord(UUID id, String nodeId, long seq, String kind, Instant occurredAt, String actor,
        UUID actorId, UUID tenantId, String roles, String action, String targetType, String targetId, String outcome,
        String clientIp, String requestId, String reason, String details, String keyId, String prevMac, String mac) {

    byte[] canonical() {
        JsonArrayBuilder fields = Json.createArrayBuilder()
                .add(id.toString()).add(nodeId).add(seq).add(kind).add(occurredAt.toString()).add(actor);
        add(fields, actorId == null ? null : actorId.toString());
        add(fields, tenantId == null ? null : tenantId.toString());
        add(fields, roles);
        fields.add(action);
        add(fields, targetType);
        add(fields, targetId);
        fields.add(outcome);
        add(fields, clientIp);
        add(fields, requestId);
        add(fields, reason);
        add(fields, details);
        fields.add(keyId).add(prevMac);
        return fields.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    AuditRecord withChain(long sequence, String previous, String computedMac) {
        return new AuditRecord(id, nodeId, sequence, kind, occurredAt, actor, actorId, tenantId, roles, action,
                targetType, targetId, outcome, clientIp, requestId, reason, details, keyId, previous, computedMac);
    }

    private static void add(JsonArrayBuilder fields, String value) {
        if (value == null) {
            fields.addNull();
        } else {
            fields.add(value);
        }
    }
}
