package app.confidant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The witness directory outside the database ({@code confidant.audit.witness.dir}): one file per checkpoint,
 * {@code checkpoint-<number>.txt}, created once and never rewritten, and the checkpoint key's certificate. A file
 * appears complete or not at all: it is written and fsync'd under a temporary name, then hard-linked to its final
 * name (which fails if that name exists), and the directory is fsync'd.
 */
@ApplicationScoped
public class Witness {

    private static final Logger LOG = Logger.getLogger(Witness.class.getName());
    private static final Pattern CHECKPOINT_FILE = Pattern.compile("checkpoint-(\\d{12})\\.txt");

    /** A witnessed checkpoint and the file it was read from. */
    public record Entry(Path file, Checkpoint.Signed signed) {
    }

    @Inject
    @ConfigProperty(name = "confidant.audit.witness.dir")
    Optional<String> directory;

    public Optional<Path> directory() {
        return directory.filter(d -> !d.isBlank()).map(Path::of);
    }

    public void write(Checkpoint.Signed signed) {
        Path dir = directory().orElseThrow(() -> new AuditUnavailableException("no witness directory configured", null));
        String name = "checkpoint-%012d.txt".formatted(signed.checkpoint().number());
        writeOnce(dir, name, signed.text());
    }

    /** Writes the key's certificate (PEM) once; a different certificate under the same name is never overwritten. */
    public void publishKey(String label, X509Certificate certificate) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            return;
        }
        String pem = pem(certificate);
        Path file = dir.get().resolve(label + ".pem");
        try {
            if (Files.exists(file)) {
                if (!Files.readString(file).equals(pem)) {
                    LOG.severe(() -> "The witness directory's " + file.getFileName() + " is not the HSM's key " + label
                            + "; left as it is (a new key needs a key ceremony, see deploy/KEY-CEREMONIES.md)");
                }
                return;
            }
            writeOnce(dir.get(), label + ".pem", pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The witnessed checkpoint with the highest number, if any. */
    public Optional<Entry> newest() throws IOException {
        Optional<Path> dir = directory();
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return Optional.empty();
        }
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(dir.get())) {
            newest = files.filter(f -> CHECKPOINT_FILE.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(newest.get(), Checkpoint.parse(Files.readString(newest.get()))));
    }

    /** The number in a checkpoint file's name. */
    static long numberOf(Path file) {
        Matcher m = CHECKPOINT_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeOnce(Path dir, String name, String text) {
        Path target = dir.resolve(name);
        Path temporary = dir.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(temporary); // left by a crash before the link: never a witnessed file
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.createLink(target, temporary);
            } finally {
                Files.delete(temporary);
            }
            try (FileChannel directoryChannel = FileChannel.open(dir, StandardOpenOption.READ)) {
                directoryChannel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new AuditUnavailableException("witness file " + name + " exists already; it is never rewritten", e);
        } catch (IOException e) {
            throw new AuditUnavailableException("cannot write witness file " + name + ": " + e.getMessage(), e);
        }
    }
}
