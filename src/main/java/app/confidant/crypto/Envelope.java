package app.confidant.crypto;

import java.nio.ByteBuffer;

/**
 * The stored form of a sealed value: {@code format (1 byte) | key version (4) | IV (12) | ciphertext + tag (16)}.
 * The format byte lets a later release change the layout while still opening what earlier ones wrote: format 1
 * binds type, id, tenant and key version; format 2 (every seal since) binds the row's seal sequence as well.
 */
record Envelope(int format, int keyVersion, byte[] iv, byte[] ciphertext) {

    static final int FORMAT_V1 = 1;
    static final int FORMAT_V2 = 2;
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
        if (format != FORMAT_V1 && format != FORMAT_V2) {
            throw new SealedValueException("unknown envelope format " + format);
        }
        int keyVersion = buffer.getInt();
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new Envelope(format, keyVersion, iv, ciphertext);
    }

    /**
     * A format 1 envelope belongs only to a row not sealed since the sequence was introduced (sequence 0), a format 2
     * envelope never to sequence 0: otherwise a pre-sequence envelope written back would sidestep the binding.
     */
    void requireFormatOf(SealingContext context) {
        if ((format == FORMAT_V1) != (context.sequence() == 0)) {
            throw new SealedValueException("sealed value does not belong to the row's seal sequence (written back)");
        }
    }

    /** Reads only the key version, without copying: rotation counts values per version this way. */
    static int keyVersionOf(byte[] stored) {
        return parse(stored).keyVersion();
    }
}
