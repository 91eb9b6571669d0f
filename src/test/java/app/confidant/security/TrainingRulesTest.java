package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainingRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UUID USER = UUID.randomUUID();
    private final TrainingRules rules = new TrainingRules(Duration.ofDays(14), Duration.ofDays(30));

    private static TrainingModule module() {
        return new TrainingModule("Phishing", "https://training.example/phishing", Set.of(Roles.CLERK), 365,
                UUID.randomUUID(), T0);
    }

    private TrainingStanding.Standing standing(TrainingModule module, List<TrainingAttestation> attestations,
            Instant now) {
        return rules.standing(USER, "u", Map.of(Roles.CLERK, T0.minus(Duration.ofDays(100))), module, attestations,
                now).orElseThrow().standing();
    }

    @Test
    void aModuleForOtherRolesDoesNotConcernThePerson() {
        assertThat(rules.standing(USER, "u", Map.of(Roles.AUDITOR, T0), module(), List.of(), T0)).isEmpty();
    }

    @Test
    void withoutAttestationThePersonHasTheGracePeriodThenIsOverdue() {
        TrainingModule module = module();
        assertThat(standing(module, List.of(), T0.plus(Duration.ofDays(13)))).isEqualTo(TrainingStanding.Standing.DUE_SOON);
        assertThat(standing(module, List.of(), T0.plus(Duration.ofDays(14)))).isEqualTo(TrainingStanding.Standing.OVERDUE);
    }

    @Test
    void aNewRoleStartsItsOwnGracePeriod() {
        Instant granted = T0.plus(Duration.ofDays(50));
        var standing = rules.standing(USER, "u", Map.of(Roles.CLERK, granted), module(), List.of(),
                granted.plus(Duration.ofDays(1))).orElseThrow();
        assertThat(standing.dueAt()).isEqualTo(granted.plus(Duration.ofDays(14)));
    }

    @Test
    void anAttestationHoldsForTheValidityAndIsDueSoonBeforeItEnds() {
        TrainingModule module = module();
        var attested = List.of(new TrainingAttestation(module.id(), 1, USER, T0.plus(Duration.ofDays(1))));
        assertThat(standing(module, attested, T0.plus(Duration.ofDays(300)))).isEqualTo(TrainingStanding.Standing.CURRENT);
        assertThat(standing(module, attested, T0.plus(Duration.ofDays(340)))).isEqualTo(TrainingStanding.Standing.DUE_SOON);
        assertThat(standing(module, attested, T0.plus(Duration.ofDays(366)))).isEqualTo(TrainingStanding.Standing.OVERDUE);
    }

    @Test
    void aNewVersionMakesTheAttestationStale() {
        TrainingModule module = module();
        var attested = List.of(new TrainingAttestation(module.id(), 1, USER, T0.plus(Duration.ofDays(1))));
        Instant revised = T0.plus(Duration.ofDays(10));
        module.revise("v2", Set.of(Roles.CLERK), 365, UUID.randomUUID(), revised);
        assertThat(standing(module, attested, revised.plus(Duration.ofDays(14)))).isEqualTo(TrainingStanding.Standing.OVERDUE);
        var again = List.of(attested.get(0), new TrainingAttestation(module.id(), 2, USER, revised));
        assertThat(standing(module, again, revised.plus(Duration.ofDays(14)))).isEqualTo(TrainingStanding.Standing.CURRENT);
    }
}
