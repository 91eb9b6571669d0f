package app.confidant.audit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;

/**
 * The audit trail as monitoring sees it: events committed by action and outcome (so failed logins, lockouts,
 * denials and ceremonies are counted from the one place that records them), appends that failed (each one failed a
 * business write), and when this node last committed a checkpoint. An event counts when its transaction commits:
 * a rolled-back write's event never happened.
 */
@ApplicationScoped
class AuditMetrics {

    private static final AttributeKey<String> ACTION = AttributeKey.stringKey("action");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

    @Inject
    Meter meter;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private LongCounter events;
    private LongCounter failures;
    private LongCounter checkpointFailures;
    private volatile long lastWitnessedEpochSecond;
    private volatile long lastCheckpointEpochSecond;
    private volatile long lastVerificationEpochSecond;
    private volatile long brokenChains = -1;

    @PostConstruct
    void register() {
        events = meter.counterBuilder("confidant.audit.events")
                .setDescription("Audit events committed, by action and outcome").build();
        failures = meter.counterBuilder("confidant.audit.append.failures")
                .setDescription("Audit events that could not be recorded (each failed the write it described)")
                .build();
        meter.gaugeBuilder("confidant.audit.checkpoint.time").ofLongs().setUnit("s")
                .setDescription("When this node last committed an audit checkpoint (Unix time; 0: none since start)")
                .buildWithCallback(gauge -> gauge.record(lastCheckpointEpochSecond));
        meter.gaugeBuilder("confidant.audit.witness.time").ofLongs().setUnit("s")
                .setDescription("Time of the newest signed checkpoint this node wrote to the witness directory"
                        + " (Unix time; 0: none since start)")
                .buildWithCallback(gauge -> gauge.record(lastWitnessedEpochSecond));
        checkpointFailures = meter.counterBuilder("confidant.audit.checkpoint.failures")
                .setDescription("Signed checkpoints that could not be made or witnessed (retried at the next interval)")
                .build();
        meter.gaugeBuilder("confidant.audit.verification.time").ofLongs().setUnit("s")
                .setDescription("When this node last verified the audit trail (Unix time; 0: not since start)")
                .buildWithCallback(gauge -> gauge.record(lastVerificationEpochSecond));
        meter.gaugeBuilder("confidant.audit.verification.broken").ofLongs()
                .setDescription("Chains found broken by this node's last verification (-1: none since start)")
                .buildWithCallback(gauge -> gauge.record(brokenChains));
    }

    /** Counts the event when (and only if) the transaction that appended it commits. */
    void appended(AuditEntry entry, boolean checkpoint) {
        Attributes attributes = Attributes.of(ACTION, entry.action(), OUTCOME, entry.outcome());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    events.add(1, attributes);
                    if (checkpoint) {
                        lastCheckpointEpochSecond = clock.instant().getEpochSecond();
                    }
                }
            }
        });
    }

    /** The outcome of a verification of the whole trail. */
    void verified(long broken) {
        brokenChains = broken;
        lastVerificationEpochSecond = clock.instant().getEpochSecond();
    }

    /** A signed checkpoint reached the witness directory. */
    void witnessed(Instant checkpointTime) {
        lastWitnessedEpochSecond = checkpointTime.getEpochSecond();
    }

    void checkpointFailed() {
        checkpointFailures.add(1);
    }

    void failed() {
        failures.add(1);
    }
}
