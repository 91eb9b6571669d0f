package app.confidant.bench;

import app.confidant.audit.ActorSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What an audited write looks up about its caller: the interceptor asks {@link ActorSource} for the actor, and the
 * append looks up the HTTP request three times (client address, request id, reason), the way {@code AuditLog} does.
 * Outside a request each lookup fails with an exception that is caught. The benchmark's writes run on managed
 * threads, outside any request, while production writes come in requests; timing the same lookups in both places
 * shows how much of a measured append is owed to that.
 */
@ApplicationScoped
public class RequestLookups {

    @Inject
    ActorSource actors;

    @Inject
    Instance<HttpServletRequest> requests;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Median microseconds of one event's lookups: {inside the caller's request, on a managed thread}. */
    public double[] medianMicros(int samples) throws InterruptedException, ExecutionException {
        double inRequest = median(samples);
        ExecutorService worker = Executors.newSingleThreadExecutor(threadFactory);
        try {
            return new double[] {inRequest, worker.submit(() -> median(samples)).get()};
        } finally {
            worker.shutdownNow();
        }
    }

    private double median(int samples) {
        long[] nanos = new long[samples];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                actors.current();
                for (int lookup = 0; lookup < 3; lookup++) {
                    requestMethod();
                }
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos[samples / 2] / 1e3;
    }

    private String requestMethod() {
        try {
            return requests.get().getMethod();
        } catch (ContextNotActiveException | IllegalStateException | NullPointerException e) {
            return null;
        }
    }
}
