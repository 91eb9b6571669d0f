package app.confidant.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * All sensitive fields of one entity serialised into one plaintext, so that one HSM operation seals them all:
 * {@code count (2) | per field, sorted by name: name length (2) | name | present (1) | value length (4) | value}.
 */
final class FieldBundle {

    private FieldBundle() {
    }

    static byte[] encode(Map<String, String> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + fields.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<String, String> sorted = new TreeMap<>(fields);
            out.writeShort(sorted.size());
            for (Map.Entry<String, String> field : sorted.entrySet()) {
                byte[] name = field.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeBoolean(field.getValue() != null);
                if (field.getValue() != null) {
                    byte[] value = field.getValue().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(value.length);
                    out.write(value);
                    Arrays.fill(value, (byte) 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> decode(byte[] plaintext) {
        Map<String, String> fields = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plaintext))) {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String name = new String(exactly(in, in.readUnsignedShort()), StandardCharsets.UTF_8);
                fields.put(name, in.readBoolean() ? new String(exactly(in, in.readInt()), StandardCharsets.UTF_8) : null);
            }
            if (in.available() > 0) {
                throw new SealedValueException("sealed bundle has trailing bytes");
            }
        } catch (IOException e) {
            throw new SealedValueException("sealed bundle is malformed", e);
        }
        return fields;
    }

    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new SealedValueException("sealed bundle is truncated");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
