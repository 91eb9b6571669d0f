package app.confidant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.audit.AuditVerifier;
import app.confidant.platform.InContainer;
import app.confidant.platform.TestDatabase;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the audit trail costs a business write: a sealed party created with and without {@code @Audited}, the real
 * interceptor appending the real chained event, inside a real Payara Micro with SoftHSM2 and PostgreSQL. Run by
 * {@code ./confidant bench}; writes its results next to the sealing benchmark's. A benchmark: it never asserts on
 * time, only that the trail holds what the run wrote.
 */
@ExtendWith(ArquillianExtension.class)
class WriteAuditingBench {

    private static final Logger LOG = Logger.getLogger(WriteAuditingBench.class.getName());

    static {
        InContainer.prepare(TestDatabase.BENCH);
    }

    @Deployment
    static WebArchive deployment() {
        return BenchDeployment.war();
    }

    /** The benchmark's request: the verification runs in it as an auditor. */
    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    @Inject
    AuditScenario scenario;

    @Inject
    RequestLookups lookups;

    @Inject
    PartyWrites writes;

    @Inject
    AuditVerifier verifier;

    @Inject
    BenchStore store;

    @Test
    void auditedWritesAgainstUnauditedWrites() throws Exception {
        BenchSettings settings = BenchSettings.fromDeployment();
        BenchSettings.Counts n = settings.counts();
        UUID tenant = UUID.randomUUID();

        List<AuditPhase> all = new ArrayList<>(scenario.run(tenant, n.warmupRounds(), n.warmupEntities(),
                n.threads()));
        store.analyze();
        MachineCpu.Wait wait = MachineCpu.awaitQuiet(n.quietWait());
        LOG.info(() -> "Measuring after waiting " + wait.seconds() + " s for a quiet machine: " + wait);
        Instant started = Instant.now();
        double loadBefore = Environment.loadAverage();
        int samples = n.cipherSamples();
        double[] lookupMicros = lookups.medianMicros(samples);
        List<AuditPhase> phases = scenario.run(tenant, n.rounds(), n.entities(), n.threads());
        Environment environment = Environment.capture(store.databaseVersion(), started, loadBefore, wait);
        all.addAll(phases);

        AuditResults.Check check = check(all);
        AuditResults results = new AuditResults(settings, environment,
                new AuditResults.Lookups(samples, lookupMicros[0], lookupMicros[1]), AuditSummary.rows(phases),
                phases, check);
        Path report = results.write();
        LOG.info(() -> "Audit trail benchmark written to " + report);
        assertThat(check.eventsRecorded()).as("one event per audited write, none per unaudited one")
                .isEqualTo(check.auditedWrites());
        assertThat(check.chainIntact()).as("the chain verifies").isTrue();
        assertThat(report).exists(); // that it reported, never how fast
    }

    /** Figures for something that does not work would be worthless: the trail must hold what the run wrote. */
    private AuditResults.Check check(List<AuditPhase> phases) throws Exception {
        long audited = phases.stream().filter(p -> p.variant() == AuditPhase.Variant.AUDITED)
                .mapToLong(AuditPhase::count).sum();
        long unaudited = phases.stream().filter(p -> p.variant() == AuditPhase.Variant.UNAUDITED)
                .mapToLong(AuditPhase::count).sum();
        List<AuditVerifier.ChainReport> chains = InContainer.as(request, "AUDITOR", verifier::verify);
        return new AuditResults.Check(audited, unaudited, writes.eventsRecorded(),
                chains.stream().mapToLong(AuditVerifier.ChainReport::rows).sum(),
                !chains.isEmpty() && chains.stream().allMatch(AuditVerifier.ChainReport::intact));
    }
}
