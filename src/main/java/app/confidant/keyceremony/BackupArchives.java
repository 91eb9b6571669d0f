package app.confidant.keyceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token backup archives in the configured backup directory ({@code confidant.backups.dir}): a file name only,
 * directly in that directory, never a path that leaves it (no separators, no "..", no symbolic link). The archive is
 * copied to a private file while it is hashed, so what the verifier reads is exactly what was hashed.
 */
@ApplicationScoped
public class BackupArchives {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    @Inject
    @ConfigProperty(name = "confidant.backups.dir")
    Optional<String> directory;

    /** A private copy of the archive whose SHA-256 is {@code sha256}; the caller deletes it. */
    Path copyVerified(String name, String sha256) {
        Path archive = resolve(name);
        try {
            Path copy = Files.createTempFile("confidant-backup-", ".tar.gz",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(archive, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), digest)) {
                in.transferTo(out);
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                Files.delete(copy);
                throw new KeyCeremonyException(422, "sha256-mismatch", "The archive's SHA-256 is not the one given:"
                        + " it is not the archive that was taken, or it was altered. Nothing was recorded.");
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path resolve(String name) {
        Path base = directory.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).orElseThrow(
                () -> new KeyCeremonyException(503, "backups-not-configured",
                        "No backup directory is configured (confidant.backups.dir)."));
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw outside();
        }
        try {
            Path realBase = base.toRealPath();
            Path archive = realBase.resolve(name);
            if (!archive.getParent().equals(realBase) || !Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
                throw outside();
            }
            return archive;
        } catch (IOException e) {
            throw new KeyCeremonyException(503, "backups-not-configured", "The backup directory cannot be read.");
        }
    }

    private static KeyCeremonyException outside() {
        return new KeyCeremonyException(400, "archive-not-in-backup-dir", "Name an archive file directly in the"
                + " configured backup directory (a file name, no path); no such regular file is there.");
    }
}
