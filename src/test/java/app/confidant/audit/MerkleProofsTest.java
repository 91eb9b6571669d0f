package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inclusion and consistency proof of trees up to 40 leaves verifies; a changed hash or size never does. */
class MerkleProofsTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        return hashes;
    }

    @Test
    void everyLeafIsProvedIncludedAndNoOtherHashIs() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = MerkleTree.root(leaves);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleProofs.inclusion(m, leaves);
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, MerkleTree.leafHash(new byte[] {9, 9, 9}), path, root))
                        .isFalse();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion((m + 1) % n, n, leaves.get(m), path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyPrefixIsProvedConsistentAndARewrittenOneIsNot() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = MerkleTree.root(leaves);
            for (int m = 1; m <= n; m++) {
                byte[] prefixRoot = MerkleTree.root(leaves.subList(0, m));
                List<byte[]> proof = MerkleProofs.consistency(m, leaves);
                assertThat(MerkleProofs.verifyConsistency(m, n, prefixRoot, root, proof)).as("%d of %d", m, n).isTrue();
                List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, m));
                rewritten.set(m - 1, MerkleTree.leafHash(new byte[] {7}));
                assertThat(MerkleProofs.verifyConsistency(m, n, MerkleTree.root(rewritten), root, proof))
                        .as("rewritten %d of %d", m, n).isFalse();
            }
        }
    }
}
