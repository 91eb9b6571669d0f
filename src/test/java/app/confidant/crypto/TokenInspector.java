package app.confidant.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads secret-key objects and their attributes from a SoftHSM2 token through PKCS#11 (OpenSC's pkcs11-tool, i.e.
 * C_FindObjects + C_GetAttributeValue), independently of the application's own code.
 */
public final class TokenInspector {

    /** One secret key as the token describes it. {@code access} is pkcs11-tool's rendering of the flags. */
    public record KeyObject(String label, String type, String access) {

        public boolean sensitive() {
            return access.contains("always sensitive") && access.matches("(^|.*, )sensitive(,.*|$)");
        }

        public boolean neverExtractable() {
            return access.contains("never extractable") && !access.matches("(^|.*, )extractable(,.*|$)");
        }

        /** CKA_LOCAL: generated inside the token (not imported, not copied from outside). */
        public boolean local() {
            return access.matches("(^|.*, )local(,.*|$)");
        }
    }

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";

    private TokenInspector() {
    }

    /** Runs hsm/setup-token.sh for a token home (idempotent) and returns its PIN file. */
    public static Path setUp(Path basedir, Path tokenHome) throws IOException, InterruptedException {
        return setUp(basedir, tokenHome, tokenHome.resolve("test-only-user.pin"));
    }

    public static Path setUp(Path basedir, Path tokenHome, Path pinFile) throws IOException, InterruptedException {
        run(tokenHome, basedir.resolve("hsm/setup-token.sh").toString(), "--dir", tokenHome.toString(),
                "--pin-file", pinFile.toString(), "--quiet");
        return pinFile;
    }

    public static List<KeyObject> secretKeys(Path tokenHome, Path pinFile) throws IOException, InterruptedException {
        String listing = pkcs11Tool(tokenHome, pinFile, "--list-objects", "--type", "secrkey");
        List<KeyObject> keys = new ArrayList<>();
        String type = null;
        String label = null;
        for (String line : listing.split("\n")) {
            String trimmed = line.strip();
            if (line.startsWith("Secret Key Object")) {
                type = line.substring(line.indexOf(';') + 1).strip();
                label = null;
            } else if (trimmed.startsWith("label:")) {
                label = trimmed.substring("label:".length()).strip();
            } else if (trimmed.startsWith("Access:") && type != null) {
                keys.add(new KeyObject(label, type, trimmed.substring("Access:".length()).strip()));
                type = null;
            }
        }
        return keys;
    }

    public static String pkcs11Tool(Path tokenHome, Path pinFile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", MODULE, "--token-label", "confidant",
                "--login", "--pin", Files.readString(pinFile).strip()));
        command.addAll(List.of(args));
        return run(tokenHome, command.toArray(String[]::new));
    }

    private static String run(Path tokenHome, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SOFTHSM2_CONF", tokenHome.resolve("softhsm2.conf").toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command[0]) + " failed: " + out);
        }
        return out;
    }
}
