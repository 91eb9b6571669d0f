package app.confidant.crypto;

import java.nio.ByteBuffer;

/**
 * The stored form of a sealed value: {@code format (1 byte) | key version (4) | IV (12) | ciphertext + tag (16)}.
 * The format byte lets a later release change the layout while still opening what earlier ones wrote.
 */
record Envelope(int format, int keyVersion, byte[] iv, byte[] ciphertext) {

    static final int FORMAT_V1 = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int HEADER = 1 + 4 + IV_BYTES;

    byte[] toBytes() {
        return ByteBuffer.allocate(HEADER + ciphertext.length)
                .put((byte) format).putInt(keyVersion).put(iv).put(ciphertext).array();
    }

    static Envelope parse(byte[] stored) {
        if (stored == null || stored.length < HEADER + TAG_BITS / 8) {
            throw new SealedValueException("sealed value is truncated");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        int format = buffer.get() & 0xff;
        if (format != FORMAT_V1) {
            throw new SealedValueException("unknown envelope format " + format);
        }
        int keyVersion = buffer.getInt();
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new Envelope(format, keyVersion, iv, ciphertext);
    }

    /** Reads only the key version, without copying: rotation counts values per version this way. */
    static int keyVersionOf(byte[] stored) {
        return parse(stored).keyVersion();
    }
}
