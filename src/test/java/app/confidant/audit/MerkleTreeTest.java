package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 9162 tree hashing against the Certificate Transparency test vectors, and the frontier against the definition. */
class MerkleTreeTest {

    /** The leaves and roots of the RFC 6962 reference implementation's tests (same hashing as RFC 9162). */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rootsMatchTheReferenceVectors() {
        List<byte[]> hashes = new ArrayList<>();
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        for (int i = 0; i < LEAVES.length; i++) {
            byte[] leafHash = MerkleTree.leafHash(HEX.parseHex(LEAVES[i]));
            hashes.add(leafHash);
            frontier.append(leafHash);
            assertThat(HEX.formatHex(MerkleTree.root(hashes))).as("root of %d leaves", i + 1).isEqualTo(ROOTS[i]);
            assertThat(HEX.formatHex(frontier.root())).as("frontier root of %d leaves", i + 1).isEqualTo(ROOTS[i]);
        }
    }

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThat(HEX.formatHex(new MerkleTree.Frontier().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theFrontierAgreesWithTheDefinitionAtEverySize() {
        Random random = new Random(19);
        List<byte[]> hashes = new ArrayList<>();
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        for (int n = 1; n <= 300; n++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            hashes.add(MerkleTree.leafHash(leaf));
            frontier.append(hashes.get(n - 1));
            assertThat(frontier.root()).as("size %d", n).isEqualTo(MerkleTree.root(hashes));
            assertThat(frontier.size()).isEqualTo(n);
        }
    }

    @Test
    void aChangedLeafOrOrderChangesTheRoot() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        byte[] root = MerkleTree.root(hashes);
        List<byte[]> swapped = new ArrayList<>(hashes);
        java.util.Collections.swap(swapped, 2, 3);
        assertThat(MerkleTree.root(swapped)).isNotEqualTo(root);
        assertThat(MerkleTree.root(hashes.subList(0, 7))).isNotEqualTo(root);
        // a leaf is never confused with an interior node (domain separation 0x00 / 0x01)
        assertThat(MerkleTree.leafHash(concat(hashes.get(0), hashes.get(1))))
                .isNotEqualTo(MerkleTree.nodeHash(hashes.get(0), hashes.get(1)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
