package app.confidant.bench;

import app.confidant.audit.AuditLog;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Benchmark deployment only: times {@link AuditLog#append}, the append in the caller's transaction that
 * {@code @Audited} methods use, so the report can say what an audit event costs where it is written. Production
 * code is not changed for it.
 */
public class AuditTimingExtension implements Extension {

    void timeAppends(@Observes ProcessAnnotatedType<AuditLog> type) {
        type.configureAnnotatedType().methods().stream()
                .filter(method -> method.getAnnotated().getJavaMember().getName().equals("append"))
                .forEach(method -> method.add(AuditTimed.Literal.INSTANCE));
    }
}
