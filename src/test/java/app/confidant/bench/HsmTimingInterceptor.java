package app.confidant.bench;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Adds the time of each HSM operation to {@link HsmTime}. */
@HsmTimed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class HsmTimingInterceptor {

    @Inject
    HsmTime time;

    @AroundInvoke
    Object time(InvocationContext invocation) throws Exception {
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            time.add(start, System.nanoTime());
        }
    }
}
