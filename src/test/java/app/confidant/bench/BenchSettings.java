package app.confidant.bench;

import app.confidant.platform.ConfidantServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What to run and where to write, decided by the build (Maven and git live outside the container) and carried
 * into the deployment as a resource, because the benchmark's body runs inside Payara Micro.
 *
 * @param resultsDir  where the .md and .json go: bench/results for full runs (committed), target/ for quick ones
 * @param commit      the commit the benchmark was built from ({@code dirty} when the worktree had changes)
 * @param softhsm     the SoftHSM2 version on this machine (outside the JVM, so read here)
 */
public record BenchSettings(boolean quick, Path resultsDir, String commit, String shortCommit, boolean dirty,
                     String softhsm) {

    static final String RESOURCE = "app/confidant/bench/bench.properties";

    /**
     * How much to run. Many short rounds rather than a few long ones: the two batches of a round run within a few
     * hundred milliseconds of each other, so a burst of other load on the machine hits both, and the median over
     * many paired rounds ignores the few it spoils. Before measuring, a full run waits (at most {@code quietWait})
     * for the machine to be quiet. Quick: the whole scenario in small, no waiting, well under two minutes.
     */
    public record Counts(int warmupRounds, int warmupEntities, int rounds, int entities, int threads, int cipherSamples,
                  Duration quietWait) {
        static final Counts FULL = new Counts(2, 300, 30, 120, 4, 3000, Duration.ofMinutes(2));
        static final Counts QUICK = new Counts(1, 100, 6, 50, 4, 1000, Duration.ZERO);
    }

    Counts counts() {
        return quick ? Counts.QUICK : Counts.FULL;
    }

    /** In the build's JVM: from the system properties the bench profile passes, and git. */
    public static BenchSettings fromBuild() {
        Path base = ConfidantServer.basedir();
        boolean quick = Boolean.getBoolean("confidant.bench.quick");
        String results = System.getProperty("confidant.bench.results", "");
        Path dir = !results.isBlank() ? Path.of(results)
                : base.resolve(quick ? "target/bench-results" : "bench/results");
        String status = command(base, "git", "status", "--porcelain", "--untracked-files=no");
        return new BenchSettings(quick, dir.toAbsolutePath(), command(base, "git", "rev-parse", "HEAD"),
                command(base, "git", "rev-parse", "--short", "HEAD"), !status.isEmpty(),
                command(base, "softhsm2-util", "--version"));
    }

    String toProperties() {
        Properties p = new Properties();
        p.setProperty("quick", Boolean.toString(quick));
        p.setProperty("resultsDir", resultsDir.toString());
        p.setProperty("commit", commit);
        p.setProperty("shortCommit", shortCommit);
        p.setProperty("dirty", Boolean.toString(dirty));
        p.setProperty("softhsm", softhsm);
        StringWriter out = new StringWriter();
        try {
            p.store(out, "written by BenchDeployment.war()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Inside the container: what the build put into the deployment. */
    static BenchSettings fromDeployment() throws IOException {
        Properties p = new Properties();
        try (InputStream in = BenchSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the deployment");
            }
            p.load(in);
        }
        return new BenchSettings(Boolean.parseBoolean(p.getProperty("quick")), Path.of(p.getProperty("resultsDir")),
                p.getProperty("commit"), p.getProperty("shortCommit"), Boolean.parseBoolean(p.getProperty("dirty")),
                p.getProperty("softhsm"));
    }

    /** The command's trimmed output, or "unknown": a missing git or SoftHSM must not stop the measurement. */
    private static String command(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
