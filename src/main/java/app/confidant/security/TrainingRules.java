package app.confidant.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * When training falls due. An attestation of the module's current version holds for the module's validity; a
 * missing or stale one (an earlier version) is due a grace period after the later of the version's publication and
 * the day the person got a role the module is for. Due-soon is the window before that instant.
 */
final class TrainingRules {

    private final Duration grace;
    private final Duration dueSoon;

    TrainingRules(Duration grace, Duration dueSoon) {
        this.grace = grace;
        this.dueSoon = dueSoon;
    }

    /**
     * The person's standing with {@code module}, or empty if none of their roles needs it. {@code firstGranted}: per
     * role the person holds, when they first got it.
     */
    Optional<TrainingStanding> standing(UUID userId, String username, Map<String, Instant> firstGranted,
            TrainingModule module, Collection<TrainingAttestation> attestations, Instant now) {
        Set<String> requiredBy = new TreeSet<>(module.audience());
        requiredBy.retainAll(firstGranted.keySet());
        if (requiredBy.isEmpty()) {
            return Optional.empty();
        }
        Optional<TrainingAttestation> current = attestations.stream()
                .filter(a -> a.moduleId().equals(module.id()) && a.moduleVersion() == module.version())
                .max(Comparator.comparing(TrainingAttestation::attestedAt));
        Instant dueAt;
        if (current.isPresent()) {
            dueAt = current.get().attestedAt().plus(module.validity());
        } else {
            Instant obliged = requiredBy.stream().map(firstGranted::get).min(Comparator.naturalOrder()).orElseThrow();
            dueAt = (obliged.isAfter(module.publishedAt()) ? obliged : module.publishedAt()).plus(grace);
        }
        TrainingStanding.Standing standing = !now.isBefore(dueAt) ? TrainingStanding.Standing.OVERDUE
                : now.plus(dueSoon).isBefore(dueAt) ? TrainingStanding.Standing.CURRENT
                : TrainingStanding.Standing.DUE_SOON;
        return Optional.of(new TrainingStanding(userId, username, module.id(), module.title(), module.version(),
                requiredBy, standing, dueAt, current.map(TrainingAttestation::attestedAt).orElse(null)));
    }
}
