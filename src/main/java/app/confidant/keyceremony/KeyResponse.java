package app.confidant.keyceremony;

import java.time.Instant;
import java.util.UUID;

/**
 * One key of the inventory. Registry facts (state, dates, registered KCV, invocations) come from the database; the
 * {@code cka*} flags, {@code inToken} and {@code kcv} were read from or computed in the HSM for this answer
 * ({@code ckaNeverExtractable} and {@code ckaLocal} null when the JVM cannot read them: see OriginFlags).
 * {@code storedValues} counts the values the version protects: sealed rows for a data key, the tenant's parties
 * indexed with it for a blind-index key (null for the token's own keys). {@code verifiedBackup} and
 * {@code verifiedBackupAt} name the newest verified backup holding the key (null: in no verified backup).
 */
public record KeyResponse(String label, String purpose, UUID tenantId, Integer version, String state,
        Instant createdAt, Instant activatedAt, Instant retiredAt, Instant destroyedAt, Integer cryptoperiodDays,
        Instant dueAt, boolean inToken, Boolean ckaToken, Boolean ckaSensitive, Boolean ckaExtractable,
        Boolean ckaNeverExtractable, Boolean ckaLocal, Boolean keyBytesVisibleToJvm, String kcv, String registeredKcv,
        Boolean kcvMatches, Long gcmInvocations, Long storedValues, UUID verifiedBackup, Instant verifiedBackupAt) {
}
