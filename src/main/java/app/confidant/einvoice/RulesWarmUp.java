package app.confidant.einvoice;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compiles the UBL schemas and the EN 16931 rules once, in the background right after start, so that the first
 * export or validation does not pay for it (and start-up does not wait for it either).
 */
@ApplicationScoped
public class RulesWarmUp {

    private static final Logger LOG = Logger.getLogger(RulesWarmUp.class.getName());

    @Resource
    ManagedExecutorService executor;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.submit(() -> {
            try {
                long begin = System.nanoTime();
                UblSchema.warmUp();
                BusinessRules.warmUp();
                LOG.info(() -> "UBL 2.1 schemas and EN 16931 rules compiled in "
                        + (System.nanoTime() - begin) / 1_000_000 + " ms");
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "UBL schemas or EN 16931 rules do not compile; e-invoices will fail", e);
            }
        });
    }
}
