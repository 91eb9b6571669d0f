package app.confidant.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupComparisonTest {

    private static final Map<String, String> LIVE = Map.of("health", "303a86", "audit-mac-v1", "0dd94e",
            "dek-t-v1", "a1b2c3");
    private static final Map<String, String> REGISTERED = Map.of("dek-t-v1", "a1b2c3");

    @Test
    void aBackupReportingEveryLiveKeyWithItsCheckValueIsComplete() {
        BackupComparison c = BackupComparison.of("audit-mac-v1 0dd94e\nhealth 303a86\ndek-t-v1 a1b2c3\n", LIVE,
                REGISTERED);
        assertThat(c.complete()).isTrue();
        assertThat(c.keys()).allMatch(BackedUpKey::matches).hasSize(3);
    }

    @Test
    void aVerifierThatLiesAboutAKeyCannotMakeItBackedUp() {
        BackupComparison c = BackupComparison.of("audit-mac-v1 0dd94e\nhealth 303a86\ndek-t-v1 ffffff\n", LIVE,
                REGISTERED);
        assertThat(c.complete()).isFalse();
        assertThat(c.mismatched()).containsExactly("dek-t-v1");
        assertThat(c.keys()).filteredOn(k -> k.label().equals("dek-t-v1")).singleElement()
                .satisfies(k -> assertThat(k.matches()).isFalse());
    }

    @Test
    void aKeyWhoseLiveCheckValueDiffersFromTheRegisteredOneIsNotBackedUpEither() {
        BackupComparison c = BackupComparison.of("dek-t-v1 a1b2c3\n", LIVE, Map.of("dek-t-v1", "000000"));
        assertThat(c.holdsAnyLiveKey()).isFalse();
    }

    @Test
    void aKeyCreatedAfterTheBackupIsListedAsMissing() {
        BackupComparison c = BackupComparison.of("audit-mac-v1 0dd94e\nhealth 303a86\n", LIVE, REGISTERED);
        assertThat(c.complete()).isFalse();
        assertThat(c.holdsAnyLiveKey()).isTrue();
        assertThat(c.missing()).containsExactly("dek-t-v1");
    }

    @Test
    void aKeyOnlyInTheBackupIsRecordedButNotAsMatching() {
        BackupComparison c = BackupComparison.of("dek-gone-v1 123456\nhealth 303a86\n", LIVE, REGISTERED);
        assertThat(c.keys()).filteredOn(k -> k.label().equals("dek-gone-v1")).singleElement()
                .satisfies(k -> assertThat(k.matches()).isFalse());
        assertThat(c.mismatched()).isEmpty();
    }

    @Test
    void outputThatIsNotLabelAndCheckValueLinesIsRefusedAsAWhole() {
        for (String output : new String[] {"health 303a86\nsomething else\n", "health 303A86x\n",
                "health 303a86\nhealth 303a86\n", "../x 303a86\n"}) {
            assertThatThrownBy(() -> BackupComparison.of(output, LIVE, REGISTERED))
                    .isInstanceOfSatisfying(KeyCeremonyException.class,
                            e -> assertThat(e.code()).isEqualTo("backup-unverifiable"));
        }
    }
}
