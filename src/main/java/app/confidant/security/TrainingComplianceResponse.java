package app.confidant.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Training compliance per role (how many people current, due soon, overdue) and per person (every module). */
public record TrainingComplianceResponse(List<RoleSummary> roles, List<PersonSummary> people) {

    /** Counts of people holding {@code role} by their worst standing on the modules that role needs. */
    public record RoleSummary(String role, long current, long dueSoon, long overdue) {
    }

    /** One person's worst standing and the standing on each module. */
    public record PersonSummary(UUID userId, String username, TrainingStanding.Standing standing,
            List<ModuleStanding> modules) {
    }

    public record ModuleStanding(UUID moduleId, String title, int version, TrainingStanding.Standing standing,
            Instant dueAt, Instant attestedAt) {
    }

    static TrainingComplianceResponse of(List<TrainingStanding> standings) {
        Map<UUID, List<TrainingStanding>> byPerson = standings.stream()
                .collect(Collectors.groupingBy(TrainingStanding::userId, TreeMap::new, Collectors.toList()));
        List<PersonSummary> people = new ArrayList<>();
        byPerson.forEach((id, own) -> people.add(new PersonSummary(id, own.get(0).username(), worst(own),
                own.stream().map(s -> new ModuleStanding(s.moduleId(), s.title(), s.version(), s.standing(),
                        s.dueAt(), s.attestedAt())).toList())));
        people.sort(Comparator.comparing(PersonSummary::username));
        Map<String, Map<UUID, TrainingStanding.Standing>> byRole = new TreeMap<>();
        for (TrainingStanding s : standings) {
            for (String role : s.requiredBy()) {
                byRole.computeIfAbsent(role, r -> new TreeMap<>())
                        .merge(s.userId(), s.standing(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        List<RoleSummary> roles = byRole.entrySet().stream().map(e -> new RoleSummary(e.getKey(),
                count(e.getValue(), TrainingStanding.Standing.CURRENT),
                count(e.getValue(), TrainingStanding.Standing.DUE_SOON),
                count(e.getValue(), TrainingStanding.Standing.OVERDUE))).toList();
        return new TrainingComplianceResponse(roles, people);
    }

    private static TrainingStanding.Standing worst(List<TrainingStanding> standings) {
        return standings.stream().map(TrainingStanding::standing).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static long count(Map<UUID, TrainingStanding.Standing> standings, TrainingStanding.Standing wanted) {
        return standings.values().stream().filter(wanted::equals).count();
    }
}
