package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client-address limit on failed authentication attempts (30 in 10 minutes: wrong passwords, TOTP, recovery and
 * enrolment codes alike), on top of the per-account lockout: stops one address from trying many accounts. Kept per
 * instance; behind a load balancer each instance counts its share.
 */
@ApplicationScoped
public class LoginAttempts {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    @Inject
    Clock clock;

    /** Failures an address may have in the window; 30 unless configured (the test suite's shared server raises it). */
    @Inject
    @ConfigProperty(name = "confidant.auth.address-failure-limit", defaultValue = "30")
    int maxFailures;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public void checkAllowed(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            prune(recent);
            if (recent.size() >= maxFailures) {
                throw new SecurityException(429, "too-many-attempts",
                        "Too many failed sign-in attempts from this address; try again later.");
            }
        }
    }

    /** Counts a failure; true if it is the one that blocks the address (so that the block is audited once). */
    public boolean failed(String address) {
        if (failures.size() > MAX_TRACKED_ADDRESSES) {
            failures.clear(); // bounded memory under a distributed attack; per-account lockout still holds
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
            return recent.size() == maxFailures;
        }
    }

    int maxFailures() {
        return maxFailures;
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.pollFirst();
        }
    }
}
