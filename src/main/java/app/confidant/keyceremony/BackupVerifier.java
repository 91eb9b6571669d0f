package app.confidant.keyceremony;

import app.confidant.crypto.HsmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the configured verifier ({@code confidant.backups.verifier}: one executable, given the archive as its only
 * argument) that restores a backup into a scratch token and prints "label kcv" per key it holds. The user PIN goes
 * to its standard input, never on its command line; the SoftHSM2 default is hsm/verify-backup.sh.
 */
@ApplicationScoped
public class BackupVerifier {

    private static final Logger LOG = Logger.getLogger(BackupVerifier.class.getName());
    private static final int MAX_OUTPUT = 1 << 20;

    @Inject
    @ConfigProperty(name = "confidant.backups.verifier")
    Optional<String> command;

    @Inject
    @ConfigProperty(name = "confidant.backups.verify-timeout", defaultValue = "PT3M")
    Duration timeout;

    @Inject
    HsmSettings hsm;

    /** The verifier's standard output; refuses (422) when it fails or runs out of time. */
    String run(Path archive) {
        String executable = command.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(
                () -> new KeyCeremonyException(503, "backups-not-configured",
                        "No backup verifier is configured (confidant.backups.verifier)."));
        Path output = null;
        char[] pin = hsm.pin().orElseThrow(() -> new KeyCeremonyException(503, "backups-not-configured",
                "The HSM PIN is not configured."));
        try {
            output = Files.createTempFile("confidant-verify-", ".out",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            ProcessBuilder builder = new ProcessBuilder(executable, archive.toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            // Only what a verifier needs: none of the server's secrets (database passwords, PIN) in its environment.
            java.util.Map<String, String> environment = builder.environment();
            environment.keySet().retainAll(java.util.Set.of("PATH", "LANG", "TMPDIR", "HOME",
                    "CONFIDANT_PKCS11_MODULE"));
            environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process process = builder.start();
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pin));
            byte[] secret = encoded.array();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(secret, 0, encoded.limit());
                stdin.write('\n');
            } catch (IOException closedEarly) {
                // a verifier that exits without reading the PIN answers through its exit status below
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw unverifiable("the verifier did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw unverifiable("the verifier could not restore and read the archive (exit status "
                        + process.exitValue() + ")");
            }
            if (Files.size(output) > MAX_OUTPUT) {
                throw unverifiable("the verifier's output is too long");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unverifiable("interrupted");
        } finally {
            Arrays.fill(pin, '\0');
            delete(output);
        }
    }

    private static KeyCeremonyException unverifiable(String why) {
        LOG.warning(() -> "Backup verification failed: " + why);
        return new KeyCeremonyException(422, "backup-unverifiable", "The backup could not be verified: " + why
                + ". Nothing was recorded.");
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + file + ": " + e.getMessage());
        }
    }
}
