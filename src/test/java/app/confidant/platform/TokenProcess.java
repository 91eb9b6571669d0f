package app.confidant.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a test-only tool (a class with a main method, e.g. {@code crypto.BulkSealer}) in a JVM of its own on a
 * server's SoftHSM2 token and a test database: SoftHSM2 reads SOFTHSM2_CONF once per process, so the test JVM cannot
 * open another server's token itself. The tool gets the token's SunPKCS11 file and PIN file as its first two
 * arguments and the database in CONFIDANT_SEED_DB_URL, _USER, _PASSWORD and _SCHEMA.
 */
public final class TokenProcess {

    private TokenProcess() {
    }

    /** Runs {@code tool} with the extra arguments; returns what it printed, once it has exited with status 0. */
    public static String run(Path serverState, TestDatabase database, Class<?> tool, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), tool.getName(),
                serverState.resolve("hsm/sunpkcs11.cfg").toString(),
                serverState.resolve("secrets/confidant.hsm.pin").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = process.environment();
        Map<String, String> db = database.serverEnvironment();
        env.put("SOFTHSM2_CONF", serverState.resolve("hsm/softhsm2.conf").toString());
        env.put("CONFIDANT_SEED_DB_URL", db.get("CONFIDANT_DB_URL"));
        env.put("CONFIDANT_SEED_DB_USER", db.get("CONFIDANT_DB_USER"));
        env.put("CONFIDANT_SEED_DB_PASSWORD", db.get("CONFIDANT_DB_PASSWORD"));
        env.put("CONFIDANT_SEED_DB_SCHEMA", database.schema());
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = running.waitFor();
        if (status != 0) {
            throw new AssertionError(tool.getSimpleName() + " exited with " + status + ":\n" + output);
        }
        return output;
    }
}
