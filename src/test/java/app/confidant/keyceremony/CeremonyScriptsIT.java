package app.confidant.keyceremony;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.TokenInspector;
import app.confidant.platform.ConfidantServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hsm/ ceremony scripts on a scratch SoftHSM2 token: generate, list with KCVs, back up, restore, compare. */
class CeremonyScriptsIT {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";

    @Test
    void aKeyGeneratedByTheScriptIsNeverExtractableAndARestoredBackupHasTheSameKeyCheckValues() throws Exception {
        Path scratch = clean(Path.of("target", "it", "ceremony-token").toAbsolutePath());
        Path pin = TokenInspector.setUp(ConfidantServer.basedir(), scratch);
        Path conf = scratch.resolve("softhsm2.conf");

        String generated = script(conf, "generate-key.sh", "--module", MODULE, "--label", "confidant", "--key",
                "dek-ceremony-v2", "--type", "AES", "--pin-file", pin.toString());
        assertThat(generated).contains("never extractable").doesNotContainPattern("(access: |, )extractable");
        assertThat(script(conf, "generate-key.sh", "--module", MODULE, "--label", "confidant", "--key",
                "dek-ceremony-v2", "--type", "AES", "--pin-file", pin.toString())).contains("already");
        String before = script(conf, "list-keys.sh", "--module", MODULE, "--label", "confidant", "--pin-file",
                pin.toString());
        assertThat(before).contains("audit-mac-v1", "health", "dek-ceremony-v2").doesNotContain(" ? ");

        Path archive = scratch.resolve("backup.tar.gz");
        script(conf, "backup-token.sh", "--dir", scratch.toString(), "--out", archive.toString());
        Path restored = clean(scratch.resolveSibling("ceremony-token-restored"));
        script(conf, "restore-token.sh", "--archive", archive.toString(), "--dir", restored.toString());
        String after = script(restored.resolve("softhsm2.conf"), "list-keys.sh", "--module", MODULE, "--label",
                "confidant", "--pin-file", pin.toString());

        assertThat(lines(after)).containsExactlyInAnyOrderElementsOf(lines(before));
        assertThat(script(conf, "restore-token.sh", "--archive", archive.toString(), "--dir", restored.toString()))
                .contains("not empty");
    }

    @Test
    void theBackupVerifierPrintsTheRestoredKeysCheckValuesTakesThePinOnStdinAndLeavesNoScratchToken()
            throws Exception {
        Path scratch = clean(Path.of("target", "it", "verify-token").toAbsolutePath());
        Path pin = TokenInspector.setUp(ConfidantServer.basedir(), scratch);
        Path archive = scratch.resolve("backup.tar.gz");
        script(scratch.resolve("softhsm2.conf"), "backup-token.sh", "--dir", scratch.toString(), "--out",
                archive.toString());
        Path tmp = clean(scratch.resolveSibling("verify-tmp"));
        Files.createDirectories(tmp);
        String secret = Files.readString(pin).strip();

        Verified good = verify(archive, tmp, secret);
        assertThat(good.status()).as(good.errors()).isZero();
        assertThat(lines(good.output())).hasSize(2).allMatch(l -> l.matches("(audit-mac-v1|health) [0-9a-f]{6}"));
        String listed = script(scratch.resolve("softhsm2.conf"), "list-keys.sh", "--module", MODULE, "--label",
                "confidant", "--pin-file", pin.toString());
        lines(good.output()).forEach(l -> assertThat(listed).contains(l.split(" ")[1]));

        Verified wrongPin = verify(archive, tmp, "not-the-pin");
        assertThat(wrongPin.status()).isNotZero();
        assertThat(wrongPin.output()).isEmpty();
        assertThat(wrongPin.errors()).contains("cannot be read with this PIN").doesNotContain("not-the-pin");
        Path damaged = scratch.resolve("damaged.tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(verify(damaged, tmp, secret).status()).isNotZero();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("scratch tokens removed").isEmpty();
        }
    }

    private record Verified(int status, String output, String errors) {
    }

    private static Verified verify(Path archive, Path tmp, String pin) throws Exception {
        Path errors = tmp.resolveSibling("verify-errors.txt");
        ProcessBuilder builder = new ProcessBuilder(ConfidantServer.basedir().resolve("hsm/verify-backup.sh").toString(),
                archive.toString()).redirectError(errors.toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((pin + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Verified(process.exitValue(), out, Files.readString(errors));
    }

    private static List<String> lines(String listing) {
        return listing.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Runs an hsm/ script; its combined output, whatever its exit status (refusals are asserted on by text). */
    private static String script(Path softhsmConf, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ConfidantServer.basedir().resolve("hsm").resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SOFTHSM2_CONF", softhsmConf.toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return dir;
    }
}
