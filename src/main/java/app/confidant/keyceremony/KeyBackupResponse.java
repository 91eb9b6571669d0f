package app.confidant.keyceremony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded backup. {@code outcome} VERIFIED: every key of the token was in it with its check value; PARTIAL: only
 * the keys with {@code matches} true are backed up by it. {@code mismatched} (a different check value) and
 * {@code missing} (not in the backup) are known when it is recorded, and are empty in later listings.
 */
public record KeyBackupResponse(UUID id, Instant recordedAt, UUID recordedBy, String recordedByName, String archive,
        String sha256, String reason, String outcome, List<Key> keys, List<String> mismatched, List<String> missing) {

    /** One key the backup holds, with the check value its restored copy reported and the live key's. */
    public record Key(String label, String kcv, String liveKcv, boolean matches) {
    }

    static KeyBackupResponse of(KeyBackup b, List<BackedUpKey> shown, List<String> mismatched, List<String> missing) {
        return new KeyBackupResponse(b.id(), b.recordedAt(), b.recordedBy(), b.recordedByName(), b.archive(),
                b.sha256(), b.reason(), b.outcome(), shown.stream()
                .map(k -> new Key(k.label(), k.kcv(), k.liveKcv(), k.matches())).toList(), mismatched, missing);
    }
}
