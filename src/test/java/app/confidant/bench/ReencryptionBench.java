package app.confidant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.crypto.HsmCounters;
import app.confidant.crypto.KeyPurpose;
import app.confidant.keyceremony.OpenedValues;
import app.confidant.keyceremony.OpenedValues.Digest;
import app.confidant.keyceremony.PlainUpdateWalk;
import app.confidant.keyceremony.PlainUpdateWalk.Walked;
import app.confidant.keyceremony.RotationDriver;
import app.confidant.keyceremony.RotationDriver.Finished;
import app.confidant.keyceremony.RotationDriver.Started;
import app.confidant.keyceremony.StoredValues;
import app.confidant.platform.InContainer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Caller;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #8: how fast a data key rotation re-encrypts a tenant's stored values, against a plain UPDATE walk of the
 * same rows in the same run, and whether memory stays flat as the number of values grows. Per size: a fresh tenant
 * seeded with the bulk path (data key v1); a plain UPDATE walk; GENERATE and ACTIVATE of v2 as a ceremony carries
 * them out, and the job run to the end with no pause; the walk again; v3 the same way, run by the deployed runner
 * with the configured pause. A benchmark: it asserts that every value still opens to what was seeded and sits on
 * the new version, never how fast.
 */
@ExtendWith(ArquillianExtension.class)
class ReencryptionBench {

    private static final Logger LOG = Logger.getLogger(ReencryptionBench.class.getName());
    /** The benchmark's own node name, so the deployed runner leaves the unthrottled job to it. */
    private static final String NODE = "reencryption-bench";

    static {
        InContainer.prepare(TestDatabase.BENCH);
    }

    @Deployment
    static WebArchive deployment() {
        return BenchDeployment.war()
                .addClasses(RotationDriver.class, PlainUpdateWalk.class, OpenedValues.class)
                .addAsResource(new StringAsset(ReencryptionSizes.fromBuild(BenchSettings.fromBuild().quick())),
                        ReencryptionSizes.RESOURCE);
    }

    @Inject
    InvoiceSeeder seeder;

    @Inject
    BenchStore store;

    @Inject
    RotationDriver rotation;

    @Inject
    PlainUpdateWalk walk;

    @Inject
    OpenedValues opened;

    @Inject
    StoredValues storedValues;

    @Inject
    HsmCounters counters;

    @Inject
    HsmTime hsmTime;

    @Inject
    HeapWatch heap;

    @Test
    void reencryptionAgainstPlainUpdates() throws Exception {
        BenchSettings settings = BenchSettings.fromDeployment();
        List<Integer> sizes = ReencryptionSizes.fromDeployment().values();
        int batchSize = ConfigProvider.getConfig().getOptionalValue("confidant.reencryption.batch-size",
                Integer.class).orElse(200); // the default of CeremonySteps; checked against the job below
        Instant started = Instant.now();
        double loadBefore = Environment.loadAverage();
        List<ReencryptionRound> rounds = new ArrayList<>();
        for (int values : sizes) {
            ReencryptionRound round = round(values, batchSize, settings.counts().quietWait());
            LOG.info(() -> "Re-encryption of " + values + " values: " + Math.round(round.pure().rate())
                    + " values/s against " + Math.round(round.updateRate()) + " plain updates/s");
            rounds.add(round);
        }
        Environment environment = Environment.capture(store.databaseVersion(), started, loadBefore,
                rounds.get(0).quietWait());
        Path report = new ReencryptionResults(settings, environment, heap.maxHeap(), rounds).write();
        LOG.info(() -> "Re-encryption benchmark written to " + report);
        assertThat(report).exists(); // that it reported, never how fast
    }

    private ReencryptionRound round(int values, int batchSize, Duration quietWait) throws Exception {
        UUID tenant = UUID.randomUUID();
        long seedNanos = seed(tenant, values);
        Digest seeded = opened.digest(tenant);
        assertThat(seeded.values()).as("seeded values").isEqualTo(values);
        MachineCpu.Wait wait = MachineCpu.awaitQuiet(quietWait);
        LOG.info(() -> "Measuring " + values + " values after waiting " + wait.seconds() + " s for a quiet machine");

        walk.vacuum();
        Walked before = walk.walk(tenant, 1, batchSize);
        rotation.generate(tenant);
        walk.vacuum();
        ReencryptionRound.Job pure = job(tenant, 2, NODE);
        Map<Integer, Long> versionsAfterPure = storedValues.perVersion(tenant, KeyPurpose.SEAL);

        walk.vacuum();
        Walked after = walk.walk(tenant, 2, batchSize);
        rotation.generate(tenant);
        walk.vacuum();
        ReencryptionRound.Job throttled = job(tenant, 3, null);
        Map<Integer, Long> versionsAfterThrottled = storedValues.perVersion(tenant, KeyPurpose.SEAL);
        // Once, after both rotations: a value the first one spoiled would be re-sealed spoiled by the second.
        Digest rotated = opened.digest(tenant);

        ReencryptionRound round = new ReencryptionRound(values, seedNanos, batchSize, wait,
                before, after, pure, throttled, new ReencryptionRound.Check(seeded, rotated,
                versionsAfterPure, versionsAfterThrottled));
        check(round);
        return round;
    }

    /** One party (its first seal creates the tenant's data key v1), then the invoices with the bulk path. */
    private long seed(UUID tenant, int values) throws Exception {
        UUID party = store.writeSealed(tenant, PartyValues.sample(1));
        Caller caller = new Caller(UUID.randomUUID(), "bench", tenant, Set.of(), false, new byte[0]);
        long start = System.nanoTime();
        seeder.seed(caller, new InvoiceSeeder.Batch(values - 1, "ISSUED", List.of(party), LocalDate.of(2026, 1, 1),
                365, 1, null));
        return System.nanoTime() - start;
    }

    /**
     * Activates {@code version} and runs its job to the end: on this thread with no pause when {@code node} is
     * given, else by the deployed runner as in production. Heap after a full GC before and after, sampled between.
     */
    private ReencryptionRound.Job job(UUID tenant, int version, String node) throws Exception {
        long heapBefore = heap.usedAfterFullGc();
        HsmOps opsBefore = HsmOps.now(counters);
        long hsmBefore = hsmTime.total();
        HeapWatch.Watching watching = heap.watch();
        Started job = rotation.activate(tenant, version, node);
        Finished finished = node != null ? rotation.runHere(job.job(), node, 0)
                : rotation.awaitRunner(job.job(), Duration.ofHours(2));
        HeapWatch.Peak peak = watching.stop();
        long hsmNanos = hsmTime.total() - hsmBefore;
        HsmOps ops = HsmOps.now(counters).since(opsBefore);
        long heapAfter = heap.usedAfterFullGc();
        return new ReencryptionRound.Job(job, finished, ops, hsmNanos,
                new ReencryptionRound.Memory(heapBefore, heapAfter, peak));
    }

    /** Figures of a rotation that lost or skipped a value would be worthless. */
    private static void check(ReencryptionRound round) {
        long n = round.values();
        assertThat(round.pure().started().batchSize()).as("the walk's batch size is the job's")
                .isEqualTo(round.batchSize());
        assertThat(round.walkBefore().rows()).as("rows walked before").isEqualTo(n);
        assertThat(round.walkAfter().rows()).as("rows walked after").isEqualTo(n);
        for (ReencryptionRound.Job job : List.of(round.pure(), round.throttled())) {
            assertThat(job.finished().progress().state()).isEqualTo("DONE");
            assertThat(job.finished().progress().done()).as("values re-sealed by the job").isEqualTo(n)
                    .isEqualTo(job.finished().progress().total());
            assertThat(job.hsm().opens()).as("one open per value").isEqualTo(n);
            assertThat(job.hsm().seals()).as("one seal per value").isEqualTo(n);
        }
        ReencryptionRound.Check check = round.check();
        assertThat(check.versionsAfterPure()).isEqualTo(Map.of(2, n));
        assertThat(check.versionsAfterThrottled()).isEqualTo(Map.of(3, n));
        assertThat(check.rotated()).as("every value opens to what was seeded").isEqualTo(check.seeded());
    }
}
