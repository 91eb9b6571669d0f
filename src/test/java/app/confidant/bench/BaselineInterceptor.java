package app.confidant.bench;

import app.confidant.crypto.Normalizer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The baselines: a pass-through sealer (fields stored as a plain bundle behind a marker, blind indexes as a SHA-256
 * in the JVM; no HSM operation) and an audit trail that writes nothing. Values stored in pass-through mode open in
 * pass-through, whatever the mode at read time; real envelopes always go to the HSM.
 */
@BenchSwitched
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class BaselineInterceptor {

    private static final byte[] MARKER = "BENCH-PLAIN:".getBytes(StandardCharsets.US_ASCII);

    @Inject
    BenchModes modes;

    @AroundInvoke
    Object baseline(InvocationContext invocation) throws Exception {
        Object[] args = invocation.getParameters();
        return switch (invocation.getMethod().getName()) {
            case "seal" -> modes.sealingPassedThrough() ? plain(args[1]) : invocation.proceed();
            case "open" -> isPlain((byte[]) args[1]) ? fields((byte[]) args[1]) : invocation.proceed();
            case "keyVersionOf" -> isPlain((byte[]) args[0]) ? 1 : invocation.proceed();
            case "index" -> modes.sealingPassedThrough()
                    ? digest((UUID) args[0], (Normalizer) args[1], (String) args[2]) : invocation.proceed();
            default -> modes.auditSkipped() ? null : invocation.proceed(); // append, appendIndependently
        };
    }

    private static boolean isPlain(byte[] stored) {
        return stored.length >= MARKER.length && Arrays.equals(stored, 0, MARKER.length, MARKER, 0, MARKER.length);
    }

    private static byte[] plain(Object fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MARKER);
            Map<?, ?> map = (Map<?, ?>) fields;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeUTF(String.valueOf(e.getKey()));
                out.writeBoolean(e.getValue() != null);
                out.writeUTF(e.getValue() == null ? "" : e.getValue().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> fields(byte[] stored) {
        Map<String, String> fields = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(stored))) {
            in.skipNBytes(MARKER.length);
            for (int n = in.readInt(); n > 0; n--) {
                String key = in.readUTF();
                boolean present = in.readBoolean();
                String value = in.readUTF();
                fields.put(key, present ? value : null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static byte[] digest(UUID tenant, Normalizer normalizer, String value) throws NoSuchAlgorithmException {
        if (value == null || value.isBlank()) {
            return null;
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((tenant + "|" + normalizer.name() + ":"
                + normalizer.normalize(value)).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(hash, 16);
    }
}
