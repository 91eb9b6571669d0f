package app.confidant.platform;

import app.confidant.crypto.BackupCoverage;
import app.confidant.crypto.DataKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gauges of what the database holds (the same on every instance: take max() across instances): GCM invocations of
 * each live key against the limit at which Confidant refuses to seal, time left in each active key's cryptoperiod,
 * ceremonies and approvals waiting for a second person, re-encryption work left, keys in no verified backup
 * (the HSM's own keys outside the registry, such as the health key, are counted by readiness and the report, which
 * read the token; a scrape never touches it). Read every 15 s into a snapshot
 * that the scrape only reads, so a scrape never queries the database; {@code confidant.metrics.snapshot.age} shows
 * when the snapshot could not be refreshed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@PermitAll // called by the container's timer with no caller; reads counts only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoredGauges {

    private static final Logger LOG = Logger.getLogger(StoredGauges.class.getName());
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("key");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("state");

    /** What the database held at {@code at}. Keys by label; jobs by state. */
    record Snapshot(Instant at, Map<String, Long> gcmInvocations, Map<String, Long> cryptoperiodLeftSeconds,
            long ceremoniesPending, long approvalsPending, Map<String, Long> reencryptionJobs,
            long reencryptionRemaining, long keysUnprotected) {

        static final Snapshot NONE = new Snapshot(null, Map.of(), Map.of(), 0, 0, Map.of(), 0, 0);
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    Meter meter;

    @Inject
    Clock clock;

    @Inject
    BackupCoverage coverage;

    @Inject
    @ConfigProperty(name = "confidant.keys.cryptoperiod-days", defaultValue = "365")
    int cryptoperiodDays;

    private volatile Snapshot snapshot = Snapshot.NONE;

    @PostConstruct
    void register() {
        meter.gaugeBuilder("confidant.key.gcm.invocations").ofLongs()
                .setDescription("GCM invocations reserved by each live data key (an upper bound of those used)")
                .buildWithCallback(gauge -> perKey(gauge, Snapshot::gcmInvocations));
        meter.gaugeBuilder("confidant.key.gcm.limit").ofLongs()
                .setDescription("GCM invocations at which Confidant refuses to seal with a key (NIST SP 800-38D)")
                .buildWithCallback(gauge -> gauge.record(DataKeys.REFUSE_AT));
        meter.gaugeBuilder("confidant.key.cryptoperiod.remaining").ofLongs().setUnit("s")
                .setDescription("Time left in each active key's cryptoperiod (negative: overdue for rotation)")
                .buildWithCallback(gauge -> perKey(gauge, Snapshot::cryptoperiodLeftSeconds));
        meter.gaugeBuilder("confidant.ceremonies.pending").ofLongs()
                .setDescription("Key ceremonies proposed and waiting for a second custodian")
                .buildWithCallback(gauge -> gauge.record(snapshot.ceremoniesPending()));
        meter.gaugeBuilder("confidant.approvals.pending").ofLongs()
                .setDescription("Four-eyes proposals (grants, MFA resets, …) waiting for a second administrator")
                .buildWithCallback(gauge -> gauge.record(snapshot.approvalsPending()));
        meter.gaugeBuilder("confidant.reencryption.jobs").ofLongs()
                .setDescription("Re-encryption jobs by state (RUNNING, PAUSED)")
                .buildWithCallback(gauge -> snapshot.reencryptionJobs()
                        .forEach((state, n) -> gauge.record(n, Attributes.of(STATE, state))));
        meter.gaugeBuilder("confidant.reencryption.remaining").ofLongs()
                .setDescription("Stored values that running and paused re-encryption jobs have still to reseal")
                .buildWithCallback(gauge -> gauge.record(snapshot.reencryptionRemaining()));
        meter.gaugeBuilder("confidant.keys.unprotected").ofLongs()
                .setDescription("Live registered keys and audit MAC keys in no verified token backup")
                .buildWithCallback(gauge -> gauge.record(snapshot.keysUnprotected()));
        meter.gaugeBuilder("confidant.metrics.snapshot.age").setUnit("s")
                .setDescription("Age of the database snapshot behind the confidant_key_*, ceremonies, approvals and "
                        + "re-encryption gauges (grows while the database cannot be read)")
                .buildWithCallback(gauge -> {
                    Instant at = snapshot.at();
                    if (at != null) {
                        gauge.record(Duration.between(at, clock.instant()).toMillis() / 1000.0);
                    }
                });
        refresh();
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @PermitAll
    public void refresh() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> invocations = new HashMap<>();
            Map<String, Long> cryptoperiod = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT label, state, activated_at,"
                    + " invocations_reserved FROM data_key WHERE state IN ('ACTIVE', 'DECRYPT_ONLY')");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String label = rows.getString(1);
                    invocations.put(label, rows.getLong(4));
                    Timestamp activated = rows.getTimestamp(3);
                    if ("ACTIVE".equals(rows.getString(2)) && activated != null) {
                        Instant due = activated.toInstant().plus(Duration.ofDays(cryptoperiodDays));
                        cryptoperiod.put(label, Duration.between(now, due).toSeconds());
                    }
                }
            }
            Timestamp nowAt = Timestamp.from(now);
            long ceremonies = count(connection,
                    "SELECT COUNT(*) FROM key_ceremony WHERE state = 'PROPOSED' AND expires_at > ?", nowAt);
            long approvals = count(connection,
                    "SELECT COUNT(*) FROM approval WHERE state = 'PENDING' AND expires_at > ?", nowAt);
            Map<String, Long> jobs = new HashMap<>(Map.of("RUNNING", 0L, "PAUSED", 0L));
            long remaining = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT state, COUNT(*),"
                    + " COALESCE(SUM(GREATEST(total - done, 0)), 0) FROM reencryption_job"
                    + " WHERE state IN ('RUNNING', 'PAUSED') GROUP BY state");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.put(rows.getString(1), rows.getLong(2));
                    remaining += rows.getLong(3);
                }
            }
            long unprotected = coverage.unprotectedCount();
            snapshot = new Snapshot(now, Map.copyOf(invocations), Map.copyOf(cryptoperiod), ceremonies, approvals,
                    Map.copyOf(jobs), remaining, unprotected);
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Metrics snapshot not refreshed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private static long count(Connection connection, String sql, Timestamp at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, at);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private void perKey(ObservableLongMeasurement gauge, Function<Snapshot, Map<String, Long>> values) {
        values.apply(snapshot).forEach((label, value) -> gauge.record(value, Attributes.of(KEY, label)));
    }
}
