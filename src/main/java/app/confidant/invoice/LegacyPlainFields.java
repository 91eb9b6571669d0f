package app.confidant.invoice;

import app.confidant.crypto.SealedValueException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals what earlier releases stored in plain columns (a party's city and postcode, an invoice's buyer
 * reference and rejection reason, a payment's reference), in the background from application start, a batch per
 * transaction, until none is left; then it stops. Reads see the former plain value until its row is sealed, so
 * nothing waits for this. A row that does not open (an integrity failure, reported as such) is left for the operator.
 */
@ApplicationScoped
public class LegacyPlainFields {

    private static final Logger LOG = Logger.getLogger(LegacyPlainFields.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    LegacyPlainBatch batch;

    private final Set<UUID> broken = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ticks = executor.scheduleWithFixedDelay(this::tick, 5, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void tick() {
        try {
            long sealed = 0;
            int done;
            do {
                done = batch.sealNext(broken);
                sealed += done;
            } while (done > 0);
            if (sealed > 0) {
                long total = sealed;
                LOG.info(() -> "Sealed the former plain values of " + total + " row(s)");
            }
            if (!batch.anyLeft(broken)) {
                ticks.cancel(false);
            }
        } catch (SealedValueException e) {
            if (e.entityId() != null) {
                broken.add(e.entityId());
            }
            LOG.warning(() -> "A row with former plain values does not open and is left as it is: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sealing former plain values paused by an error, retried in 30 s: " + e.getMessage());
        }
    }
}
