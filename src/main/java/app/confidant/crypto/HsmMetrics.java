package app.confidant.crypto;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the HSM does, as an operator's monitoring sees it (MicroProfile Telemetry, scraped from the loopback metrics
 * port): every operation by kind and outcome with its latency, and whether the session is up. The gauges read
 * {@link HsmSession}'s fields; nothing here touches the token, so a scrape costs the HSM nothing.
 */
@ApplicationScoped
public class HsmMetrics {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

    /** 50 µs to 2.5 s: SoftHSM2 answers in tens of microseconds, a network HSM in milliseconds, a sick one in seconds. */
    private static final List<Double> BUCKETS = List.of(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
            0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5);

    @Inject
    Meter meter;

    private LongCounter operations;
    private DoubleHistogram durations;
    private final Map<String, Attributes> operationAttributes = new ConcurrentHashMap<>();
    private volatile BooleanSupplier up = () -> false;
    private volatile Supplier<Duration> lostFor = () -> Duration.ZERO;

    @PostConstruct
    void register() {
        operations = meter.counterBuilder("confidant.hsm.operations")
                .setDescription("HSM operations by kind and outcome (ok, integrity, key_destroyed, unavailable)")
                .build();
        durations = meter.histogramBuilder("confidant.hsm.operation.duration").setUnit("s")
                .setDescription("Time of one HSM operation, including waiting for the session")
                .setExplicitBucketBoundariesAdvice(BUCKETS).build();
        meter.gaugeBuilder("confidant.hsm.session.up").ofLongs()
                .setDescription("1 while the application holds a working HSM session, 0 while it has none")
                .buildWithCallback(gauge -> gauge.record(up.getAsBoolean() ? 1 : 0));
        meter.gaugeBuilder("confidant.hsm.session.lost").setUnit("s")
                .setDescription("How long a session that once worked has been lost (0 while connected)")
                .buildWithCallback(gauge -> gauge.record(lostFor.get().toNanos() / 1e9));
    }

    /** One operation of a kind (seal, open, mac, …) with its outcome and its time in nanoseconds. */
    void record(String operation, String outcome, long nanos) {
        Attributes kind = operationAttributes.computeIfAbsent(operation, k -> Attributes.of(OPERATION, k));
        operations.add(1, kind.toBuilder().put(OUTCOME, outcome).build());
        durations.record(nanos / 1e9, kind);
    }

    /** The session's own state, read at each scrape (plain field reads: no token, no container context needed). */
    void watch(BooleanSupplier sessionUp, Supplier<Duration> sessionLostFor) {
        up = sessionUp;
        lostFor = sessionLostFor;
    }
}
