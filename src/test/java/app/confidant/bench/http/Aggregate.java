package app.confidant.bench.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The rounds of one variant taken together: throughput over all its measured time, percentiles of all latencies. */
record Aggregate(String scenario, String variant, int clients, long requests, long errors, long timeouts,
                 double seconds,
                 Histogram latencies, double serverCpuSeconds, double driverCpuSeconds, long hsmOps, long heapMax,
                 int rounds) {

    static List<Aggregate> of(List<LoadRun> runs) {
        Map<String, List<LoadRun>> byVariant = new LinkedHashMap<>();
        for (LoadRun run : runs) {
            byVariant.computeIfAbsent(run.scenario() + "|" + run.variant(), k -> new ArrayList<>()).add(run);
        }
        return byVariant.values().stream().map(Aggregate::merge).toList();
    }

    private static Aggregate merge(List<LoadRun> runs) {
        Histogram all = new Histogram(runs.get(0).latencies().getHighestTrackableValue(), 3);
        runs.forEach(r -> all.add(r.latencies()));
        LoadRun first = runs.get(0);
        return new Aggregate(first.scenario(), first.variant(), first.clients(),
                runs.stream().mapToLong(LoadRun::requests).sum(), runs.stream().mapToLong(LoadRun::errors).sum(),
                runs.stream().mapToLong(LoadRun::timeouts).sum(),
                runs.stream().mapToDouble(LoadRun::seconds).sum(), all,
                runs.stream().mapToDouble(LoadRun::serverCpuSeconds).sum(),
                runs.stream().mapToDouble(LoadRun::driverCpuSeconds).sum(),
                runs.stream().anyMatch(r -> r.hsmOps() < 0) ? -1 : runs.stream().mapToLong(LoadRun::hsmOps).sum(),
                runs.stream().mapToLong(LoadRun::heapMaxBytes).max().orElse(0), runs.size());
    }

    double throughput() {
        return requests / seconds;
    }

    double millis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    /** CPU time per second of measured time, in % of one core (200 % = both cores of a 2-core machine). */
    double serverCpuPercent() {
        return 100 * serverCpuSeconds / seconds;
    }

    /** Server CPU time per answered request: less disturbed by other load on a shared machine than throughput. */
    double serverCpuMillisPerRequest() {
        return requests == 0 ? 0 : 1000 * serverCpuSeconds / requests;
    }

    double driverCpuPercent() {
        return 100 * driverCpuSeconds / seconds;
    }

    double hsmOpsPerRequest() {
        return requests == 0 || hsmOps < 0 ? Double.NaN : (double) hsmOps / requests;
    }
}
