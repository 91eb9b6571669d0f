package app.confidant.compliance;

import app.confidant.security.TrainingService;
import app.confidant.security.TrainingStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Training: nobody overdue (fail), nobody due soon (warn), per role; no module published at all is a warning. */
@ApplicationScoped
public class TrainingControl {

    @Inject
    TrainingService training;

    ControlResult check() {
        if (training.modules().isEmpty()) {
            return ControlResult.of("training", "Security training", List.of(),
                    List.of("no training module is published"), "no training modules");
        }
        List<TrainingStanding> standings = training.standings();
        List<String> failures = perRole(standings, TrainingStanding.Standing.OVERDUE, "overdue");
        List<String> warnings = perRole(standings, TrainingStanding.Standing.DUE_SOON, "due soon");
        long people = standings.stream().map(TrainingStanding::userId).distinct().count();
        long overdue = standings.stream().filter(TrainingStanding::overdue).map(TrainingStanding::userId).distinct()
                .count();
        return ControlResult.of("training", "Security training", failures, warnings, training.modules().size()
                + " modules; " + people + " people concerned, " + overdue + " overdue");
    }

    private static List<String> perRole(List<TrainingStanding> standings, TrainingStanding.Standing wanted,
            String word) {
        Map<String, TreeSet<String>> byRole = new TreeMap<>();
        standings.stream().filter(s -> s.standing() == wanted).forEach(s -> s.requiredBy().forEach(role ->
                byRole.computeIfAbsent(role, r -> new TreeSet<>()).add(s.username() + " (" + s.title() + ")")));
        List<String> lines = new ArrayList<>();
        byRole.forEach((role, who) -> lines.add(role + ": " + who.size() + " " + word + ": " + String.join(", ", who)));
        return lines;
    }
}
