package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static Checkpoint.Signed sample() {
        TreeMap<String, Checkpoint.Lane> lanes = new TreeMap<>();
        lanes.put("node a#1", new Checkpoint.Lane(17, MerkleTree.leafHash(new byte[] {1})));
        lanes.put("node a", new Checkpoint.Lane(3, MerkleTree.emptyRoot()));
        return new Checkpoint.Signed(new Checkpoint("confidant/audit", 42, Instant.parse("2026-12-08T05:00:00.123Z"),
                Checkpoint.NO_PREVIOUS, lanes), "audit-checkpoint-v1", new byte[] {1, 2, 3});
    }

    @Test
    void theTextParsesBackToTheSameCheckpoint() {
        Checkpoint.Signed signed = sample();
        Checkpoint.Signed parsed = Checkpoint.parse(signed.text());
        assertThat(parsed.checkpoint()).isEqualTo(signed.checkpoint());
        assertThat(parsed.keyLabel()).isEqualTo("audit-checkpoint-v1");
        assertThat(parsed.signature()).containsExactly(1, 2, 3);
        assertThat(parsed.hash()).isEqualTo(signed.hash()).hasSize(64);
        assertThat(signed.text()).startsWith("confidant/audit\n42\n2026-12-08T05:00:00.123Z\nprevious 000")
                .contains("\nnode a 3 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
                .contains("\n\n\u2014 audit-checkpoint-v1 AQID\n");
    }

    @Test
    void anAlteredTextIsRefusedOrParsesToADifferentBody() {
        String text = sample().text();
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\n\n", "\n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(text + "extra\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("2026-12-08T05", "2026-12-08X05")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(text.replace(" 17 ", " x ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Checkpoint.parse(text.replace(" 17 ", " 16 ")).checkpoint().bodyBytes())
                .isNotEqualTo(sample().checkpoint().bodyBytes());
    }
}
