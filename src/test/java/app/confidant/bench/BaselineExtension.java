package app.confidant.bench;

import app.confidant.audit.AuditLog;
import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.FieldCipher;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.Set;

/**
 * Benchmark deployment only: lets {@link BaselineInterceptor} stand in for the HSM (sealing, opening, blind indexes)
 * and for the audit append when {@link BenchModes} says so. Production code is not changed for it, and the
 * production WAR never carries it.
 */
public class BaselineExtension implements Extension {

    void sealing(@Observes ProcessAnnotatedType<FieldCipher> type) {
        bind(type, Set.of("seal", "open", "keyVersionOf"));
    }

    void blindIndexes(@Observes ProcessAnnotatedType<BlindIndexer> type) {
        bind(type, Set.of("index"));
    }

    void audit(@Observes ProcessAnnotatedType<AuditLog> type) {
        bind(type, Set.of("append", "appendIndependently"));
    }

    private static void bind(ProcessAnnotatedType<?> type, Set<String> methods) {
        type.configureAnnotatedType().methods().stream()
                .filter(method -> methods.contains(method.getAnnotated().getJavaMember().getName()))
                .forEach(method -> method.add(BenchSwitched.Literal.INSTANCE));
    }
}
