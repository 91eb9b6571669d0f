package app.confidant.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Where one person stands with one training module: {@code dueAt} is the instant from which the person is stopped
 * from sensitive-data operations until they attest the module's current version.
 */
public record TrainingStanding(UUID userId, String username, UUID moduleId, String title, int version,
        Set<String> requiredBy, Standing standing, Instant dueAt, Instant attestedAt) {

    /** Current; due within the due-soon window; overdue (blocked). */
    public enum Standing { CURRENT, DUE_SOON, OVERDUE }

    public boolean overdue() {
        return standing == Standing.OVERDUE;
    }
}
