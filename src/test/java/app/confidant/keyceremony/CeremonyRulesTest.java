package app.confidant.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.confidant.crypto.KeyPurpose;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which ceremonies apply to which keys, and when a rotation job may finish. */
class CeremonyRulesTest {

    private static CeremonyRequest request(CeremonyKind kind, KeyPurpose purpose, Integer version) {
        return new CeremonyRequest(kind, UUID.randomUUID(), purpose, version, "scheduled rotation per policy", null);
    }

    @Test
    void blindIndexKeysGoThroughTheWholeLifeCycle() {
        for (CeremonyKind kind : new CeremonyKind[] {CeremonyKind.GENERATE, CeremonyKind.ACTIVATE,
                CeremonyKind.RETIRE, CeremonyKind.DESTROY}) {
            assertThat(KeyCeremonyService.supported(kind, KeyPurpose.BLIND_INDEX)).as(kind.name()).isTrue();
            assertThat(KeyCeremonyService.supported(kind, KeyPurpose.SEAL)).as(kind.name()).isTrue();
        }
    }

    @Test
    void anAuditKeyCeremonyNamingABlindIndexKeyIsRefusedAsNotSupported() {
        assertThatThrownBy(() -> KeyCeremonyService.check(request(CeremonyKind.AUDIT_KEY, KeyPurpose.BLIND_INDEX,
                null))).isInstanceOfSatisfying(KeyCeremonyException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("not-supported");
                });
    }

    @Test
    void activatingABlindIndexKeyNamesTheVersion() {
        assertThatThrownBy(() -> KeyCeremonyService.check(request(CeremonyKind.ACTIVATE, KeyPurpose.BLIND_INDEX,
                null))).isInstanceOfSatisfying(KeyCeremonyException.class,
                        e -> assertThat(e.code()).isEqualTo("version-required"));
    }

    @Test
    void aJobFinishesOnlyAfterEveryNodeCanHaveSeenTheActivation() {
        Instant started = Instant.parse("2026-11-25T10:00:00Z");
        ReencryptionJob job = new ReencryptionJob(UUID.randomUUID(), UUID.randomUUID(), "BLIND_INDEX", 2, "RUNNING", 0,
                null, 0, 0, 200, 20, "node", null, started, started, null, null);

        assertThat(ReencryptionBatch.settled(job, started.plusSeconds(3))).isFalse();
        assertThat(ReencryptionBatch.settled(job, started.plusSeconds(14))).isFalse();
        assertThat(ReencryptionBatch.settled(job, started.plusSeconds(15))).isTrue();
    }
}
