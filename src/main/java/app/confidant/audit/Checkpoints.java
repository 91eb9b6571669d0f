package app.confidant.audit;

import app.confidant.crypto.HsmSigner;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code confidant.audit.checkpoint-interval} (default PT10S) while events arrive: the next signed checkpoint,
 * committed to the database and then written to the witness directory. The checkpoint key pair is generated inside
 * the HSM at the first checkpoint and its certificate published to the witness directory.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    CheckpointWriter writer;

    @Inject
    Witness witness;

    @Inject
    AuditMetrics metrics;

    @Inject
    HsmSigner signer;

    @Inject
    @ConfigProperty(name = "confidant.audit.checkpoint-interval", defaultValue = "PT10S")
    String interval;

    private volatile ScheduledFuture<?> ticks;
    private volatile String lastFailure;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (witness.directory().isEmpty()) {
            LOG.severe("confidant.audit.witness.dir is not set: no audit checkpoints are made or witnessed");
            return;
        }
        long millis = Math.max(100, Duration.parse(interval).toMillis());
        ticks = executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** One checkpoint now if anything changed; also what a test or an operator may trigger. */
    public synchronized Optional<Checkpoint> tick() {
        try {
            Optional<Checkpoint.Signed> made = writer.next();
            made.ifPresent(signed -> {
                witness.write(signed);
                metrics.witnessed(signed.checkpoint().time());
            });
            signer.existingCertificate(CheckpointWriter.KEY_LABEL)
                    .ifPresent(certificate -> witness.publishKey(CheckpointWriter.KEY_LABEL, certificate));
            lastFailure = null;
            return made.map(Checkpoint.Signed::checkpoint);
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warning(() -> "Audit checkpoint not made, retried at the next interval: " + failure);
            }
            lastFailure = failure;
            metrics.checkpointFailed();
            return Optional.empty();
        }
    }
}
