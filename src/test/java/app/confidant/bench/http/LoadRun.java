package app.confidant.bench.http;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One measured driver run, with what the server did over exactly the same span: its CPU time, the HSM operations
 * it counted, and the largest heap seen while the load ran.
 */
record LoadRun(String scenario, String variant, int clients, int requests, long errors, long timeouts,
               String firstError,
               double seconds, Histogram latencies, double serverCpuSeconds, double driverCpuSeconds, long hsmOps,
               long heapMaxBytes, List<String> captured) {

    double throughput() {
        return requests / seconds;
    }
}
