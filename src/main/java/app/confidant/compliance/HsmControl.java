package app.confidant.compliance;

import app.confidant.crypto.KeyAttributes;
import app.confidant.security.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HSM: the token answers, every key reads back sensitive, not extractable and never extractable (attributes read
 * live from the token), and no active data key is older than its cryptoperiod. A tenant's report covers its own
 * keys; the platform's covers the whole token.
 */
@ApplicationScoped
public class HsmControl {

    @Inject
    KeyAttributes keys;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    /** NIST SP 800-57 puts a symmetric data-encryption key's originator-usage period at up to two years. */
    @Inject
    @ConfigProperty(name = "confidant.keys.cryptoperiod-days", defaultValue = "365")
    int cryptoperiodDays;

    ControlResult check() {
        List<KeyAttributes.Reading> found;
        try {
            boolean platform = scope.platform();
            found = keys.read().stream().filter(k -> platform || scope.owns(k.tenant())).toList();
        } catch (RuntimeException e) {
            return ControlResult.of("hsm", "HSM keys", List.of("the token cannot be reached: " + e.getMessage()),
                    List.of(), "token unreachable");
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Instant oldest = clock.instant().minus(Duration.ofDays(cryptoperiodDays));
        for (KeyAttributes.Reading key : found) {
            if (!key.safe()) {
                failures.add(key.label() + ": CKA_SENSITIVE=" + key.key().sensitive() + ", CKA_EXTRACTABLE="
                        + key.key().extractable() + ", CKA_NEVER_EXTRACTABLE=" + key.key().neverExtractable()
                        + " (must be sensitive, not extractable and never extractable; null: unreadable)");
            }
            if ("ACTIVE".equals(key.state()) && key.activatedAt() != null && key.activatedAt().isBefore(oldest)) {
                warnings.add(key.label() + " has been active since " + key.activatedAt()
                        + ", beyond the cryptoperiod of " + cryptoperiodDays + " days: rotate it");
            }
        }
        if (found.isEmpty() && scope.platform()) {
            failures.add("the token holds no keys");
        }
        long registered = found.stream().filter(k -> k.activatedAt() != null).count();
        return ControlResult.of("hsm", "HSM keys", failures, warnings, "token reachable; " + found.size()
                + " keys read live (" + registered + " tenant data keys with a cryptoperiod of " + cryptoperiodDays
                + " days); " + found.stream().filter(KeyAttributes.Reading::safe).count()
                + " sensitive, not extractable and never extractable");
    }
}
