package app.confidant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.InContainer;
import app.confidant.platform.TestDatabase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What sealing sensitive fields in the HSM costs a party write and a party read, against the same entity stored in
 * plain columns, inside a real Payara Micro with SoftHSM2 and PostgreSQL. Run by {@code ./confidant bench}; writes
 * its results to bench/results (or target/bench-results for --quick). A benchmark: it never asserts on time.
 */
@ExtendWith(ArquillianExtension.class)
class FieldSealingBench {

    private static final Logger LOG = Logger.getLogger(FieldSealingBench.class.getName());

    static {
        InContainer.prepare(TestDatabase.BENCH);
    }

    @Deployment
    static WebArchive deployment() {
        return BenchDeployment.war();
    }

    @Inject
    Scenario scenario;

    @Inject
    CipherTimings cipherTimings;

    @Inject
    BenchStore store;

    @Test
    void sealedPartiesAgainstPlainParties() throws Exception {
        BenchSettings settings = BenchSettings.fromDeployment();
        BenchSettings.Counts n = settings.counts();
        UUID tenant = UUID.randomUUID();

        scenario.run(tenant, n.warmupRounds(), n.warmupEntities(), n.threads());
        store.analyze();
        MachineCpu.Wait wait = MachineCpu.awaitQuiet(n.quietWait());
        LOG.info(() -> "Measuring after waiting " + wait.seconds() + " s for a quiet machine: " + wait);
        Instant started = Instant.now();
        double loadBefore = Environment.loadAverage();
        CipherTimings.Result cipher = cipherTimings.measure(tenant, n.cipherSamples());
        List<Phase> phases = scenario.run(tenant, n.rounds(), n.entities(), n.threads());

        Environment environment = Environment.capture(store.databaseVersion(), started, loadBefore, wait);
        Results results = new Results(settings, environment, cipher, Summary.rows(phases), phases);
        Path report = results.write();
        LOG.info(() -> "Field sealing benchmark written to " + report);
        assertThat(report).exists(); // that it reported, never how fast
    }
}
