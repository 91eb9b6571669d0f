package app.confidant.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 Merkle tree hashing (the Certificate Transparency tree): a leaf hashes as SHA-256(0x00 || leaf),
 * an interior node as SHA-256(0x01 || left || right), and a tree of n leaves splits at the largest power of two
 * below n. The leaf of an audit row is its canonical bytes followed by its 32-byte MAC ({@link #leaf}).
 *
 * <p>{@link Frontier} is the compact range of a tree: the roots of its perfect subtrees, largest first (one per set
 * bit of the size). Appending a leaf and computing the root cost O(log n), so a checkpoint never rescans a lane.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The leaf bytes of an audit row: what the MAC covers, then the MAC itself (fixed length, so unambiguous). */
    static byte[] leaf(AuditRecord row) {
        byte[] canonical = row.canonical();
        byte[] mac = AuditLog.hexBytes(row.mac());
        byte[] leaf = new byte[canonical.length + mac.length];
        System.arraycopy(canonical, 0, leaf, 0, canonical.length);
        System.arraycopy(mac, 0, leaf, canonical.length, mac.length);
        return leaf;
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of an empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[n]) by the recursive definition of RFC 9162 §2.1.1, over leaf hashes (the reference for tests). */
    public static byte[] root(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return nodeHash(root(leafHashes.subList(0, k)), root(leafHashes.subList(k, n)));
    }

    /** The compact range [0, size) of a growing tree. Not thread-safe. */
    public static final class Frontier {
        private final List<byte[]> subtrees = new ArrayList<>();
        private long size;

        public long size() {
            return size;
        }

        public void append(byte[] leafHash) {
            byte[] carry = leafHash;
            // Each trailing set bit of the old size is a perfect subtree of equal height: merge it into the carry.
            for (long s = size; (s & 1) == 1; s >>= 1) {
                carry = nodeHash(subtrees.remove(subtrees.size() - 1), carry);
            }
            subtrees.add(carry);
            size++;
        }

        /** The tree's root: the subtrees folded right to left, the smaller ones inside (RFC 9162 split rule). */
        public byte[] root() {
            if (size == 0) {
                return emptyRoot();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i), root);
            }
            return root;
        }

        public Frontier copy() {
            Frontier copy = new Frontier();
            copy.subtrees.addAll(subtrees);
            copy.size = size;
            return copy;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
