package app.confidant.audit;

import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forwards every committed audit event to a SIEM over syslog/TLS, at least once, after commit: each second it
 * sends every chain's events beyond the chain's cursor and moves the cursor when the receiver has them. A business
 * write never waits for the SIEM or fails because of it; while the receiver is down, events wait in the trail
 * (the lag gauge grows) and are sent when it is back. Off when {@code confidant.syslog.host} is unset.
 */
@ApplicationScoped
public class SyslogForwarder {

    private static final Logger LOG = Logger.getLogger(SyslogForwarder.class.getName());
    private static final int BATCH = 500;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SyslogOutbox outbox;

    @Inject
    Meter meter;

    @Inject
    @ConfigProperty(name = "confidant.syslog.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "confidant.syslog.port", defaultValue = "6514")
    int port;

    @Inject
    @ConfigProperty(name = "confidant.syslog.truststore")
    Optional<String> trustStore; // Payara has no converter for Path

    @Inject
    @ConfigProperty(name = "confidant.syslog.truststore-password-file")
    Optional<String> trustStorePasswordFile;

    @Inject
    @ConfigProperty(name = "confidant.syslog.keystore")
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "confidant.syslog.keystore-password-file")
    Optional<String> keyStorePasswordFile;

    @Inject
    @ConfigProperty(name = "confidant.syslog.sd-id", defaultValue = Rfc5424.DEFAULT_SD_ID)
    String sdId;

    private SyslogChannel channel;
    private LongCounter failures;
    private volatile long lag = -1;
    private volatile boolean failing;
    private volatile ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        failures = meter.counterBuilder("confidant.syslog.failures")
                .setDescription("Attempts to forward audit events to the syslog receiver that failed (retried)")
                .build();
        meter.gaugeBuilder("confidant.syslog.lag").ofLongs()
                .setDescription("Audit events committed but not yet accepted by the syslog receiver (-1: forwarding off)")
                .buildWithCallback(gauge -> gauge.record(lag));
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            LOG.info("Audit events are not forwarded to syslog (confidant.syslog.host is unset)");
            return;
        }
        try {
            channel = new SyslogChannel(host.get().strip(), port, SyslogChannel.sockets(path(trustStore),
                    path(trustStorePasswordFile), path(keyStore), path(keyStorePasswordFile)));
        } catch (IOException | GeneralSecurityException e) {
            // Never stops the application: the trail is the source of truth. Each tick counts a failure and
            // measures the lag, so the alert fires.
            LOG.severe(() -> "Audit events cannot be forwarded to syslog: the TLS settings do not load: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (channel != null) {
            LOG.info(() -> "Forwarding audit events to syslog over TLS at " + host.get().strip() + ":" + port);
        }
        ticks = executor.scheduleWithFixedDelay(this::tick, 3, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        synchronized (this) {
            if (channel != null) {
                channel.close();
            }
        }
    }

    synchronized void tick() {
        try {
            if (channel == null) {
                throw new IllegalStateException("the syslog TLS settings do not load");
            }
            long forwarded = 0;
            for (String chain : outbox.chains()) {
                outbox.ensureCursor(chain);
                int sent;
                do {
                    sent = outbox.forwardNext(chain, BATCH, this::send);
                    forwarded += Math.max(0, sent);
                } while (sent == BATCH);
            }
            if (failing && forwarded > 0) { // an idle tick sends nothing, so it proves nothing
                failing = false;
                LOG.info("Audit events are forwarded to syslog again");
            }
        } catch (RuntimeException e) {
            failures.add(1);
            if (!failing) {
                failing = true;
                LOG.warning(() -> "Forwarding audit events to syslog failed, retried every second: "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        } finally {
            try {
                lag = outbox.lag();
            } catch (RuntimeException e) {
                // the database is away: keep the last value
            }
        }
    }

    private static Optional<Path> path(Optional<String> setting) {
        return setting.filter(s -> !s.isBlank()).map(s -> Path.of(s.strip()));
    }

    private void send(List<AuditRecord> batch) throws IOException {
        channel.send(batch.stream().map(r -> Rfc5424.frame(Rfc5424.message(r, sdId))).toList());
    }
}
