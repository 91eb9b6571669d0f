package app.confidant.bench;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Splits one append into what comes before its first HSM operation (locking the chain head row, which includes
 * waiting for it, and building the row), its HSM operations, and the rest (the INSERT and the head UPDATE). The
 * split uses this thread's HSM time only, so other threads' appends do not blur it.
 */
@AuditTimed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditTimingInterceptor {

    @Inject
    AuditTime time;

    @Inject
    HsmTime hsm;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        HsmTime.ThreadSnapshot before = hsm.mark();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long end = System.nanoTime();
            HsmTime.ThreadSnapshot after = hsm.thisThread();
            long untilHsm = after.callsSinceMark() > 0 ? after.firstStartSinceMark() - start : end - start;
            time.add(end - start, untilHsm, after.nanos() - before.nanos(), after.calls() - before.calls());
        }
    }
}
