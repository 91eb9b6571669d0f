package app.confidant.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A training module as published, in its current version. */
public record TrainingModuleResponse(UUID id, String title, int version, String content, Set<String> audience,
        int validityDays, Instant publishedAt) {

    static TrainingModuleResponse of(TrainingModule m) {
        return new TrainingModuleResponse(m.id(), m.title(), m.version(), m.content(), m.audience(), m.validityDays(),
                m.publishedAt());
    }
}
