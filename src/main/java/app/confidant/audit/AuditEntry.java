package app.confidant.audit;

/**
 * What a caller asks the trail to record. Never put a sensitive value in any field: identify such values by id, or
 * by their HSM-keyed HMAC.
 */
public record AuditEntry(Actor actor, String action, String targetType, String targetId, String outcome,
        String reason, String details) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    public static AuditEntry success(Actor actor, String action, String targetType, String targetId) {
        return new AuditEntry(actor, action, targetType, targetId, SUCCESS, null, null);
    }

    public AuditEntry withOutcome(String newOutcome, String newDetails) {
        return new AuditEntry(actor, action, targetType, targetId, newOutcome, reason, newDetails);
    }

    public AuditEntry withReason(String newReason) {
        return new AuditEntry(actor, action, targetType, targetId, outcome, newReason, details);
    }
}
