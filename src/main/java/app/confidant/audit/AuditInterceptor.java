package app.confidant.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes the {@link Audited} event: inside the business transaction (it runs after the transaction starts), followed
 * by the {@code data.read} events of other rows the method opened ({@link ReadAudit}).
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

    @Inject
    AuditLog log;

    @Inject
    ActorSource actors;

    @Inject
    ReadAudit reads;

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Audited audited = method.isAnnotationPresent(Audited.class) ? method.getAnnotation(Audited.class)
                : method.getDeclaringClass().getAnnotation(Audited.class);
        String action = audited == null || audited.value().isEmpty() ? method.getDeclaringClass().getSimpleName()
                + "." + method.getName() : audited.value();
        String targetType = audited == null ? null : audited.target();
        AuditEntry entry = new AuditEntry(actors.current(), action, targetType, targetIdIn(invocation.getParameters()),
                AuditEntry.SUCCESS, null, null);
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception e) {
            recordFailure(entry, e);
            throw e;
        }
        String target = entry.targetId() != null ? entry.targetId() : idOf(result);
        log.append(new AuditEntry(entry.actor(), action, targetType, target, AuditEntry.SUCCESS, null, null));
        reads.record(targetType, target); // rows read in clear besides the target (an invoice's party, the seller)
        return result;
    }

    private void recordFailure(AuditEntry entry, Exception failure) {
        try {
            log.appendIndependently(entry.withOutcome(AuditEntry.FAILURE,
                    "{\"error\":\"" + failure.getClass().getSimpleName() + "\"}"));
        } catch (RuntimeException auditDown) {
            LOG.severe(() -> "Could not record the failure of " + entry.action() + ": " + auditDown.getMessage());
        }
    }

    /** The first UUID argument names the target (the entity acted on). */
    private static String targetIdIn(Object[] parameters) {
        for (Object p : parameters) {
            if (p instanceof UUID id) {
                return id.toString();
            }
        }
        return null;
    }

    /** A created thing's id, read from the returned object's public {@code id()} (records and entities have one). */
    private static String idOf(Object result) {
        if (result == null) {
            return null;
        }
        try {
            Object id = result.getClass().getMethod("id").invoke(result);
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
