package app.confidant.bench;

import app.confidant.crypto.HsmSession;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Benchmark deployment only: times {@link HsmSession#perform}, the one method through which every PKCS#11 operation
 * of the application goes, so the report can split a transaction into time inside the HSM and the rest, measured
 * where it happens rather than estimated from a separate loop. Production code is not changed for it.
 */
public class HsmTimingExtension implements Extension {

    void timeHsmOperations(@Observes ProcessAnnotatedType<HsmSession> type) {
        type.configureAnnotatedType().methods().stream()
                .filter(method -> method.getAnnotated().getJavaMember().getName().equals("perform"))
                .forEach(method -> method.add(HsmTimed.Literal.INSTANCE));
    }
}
