package app.confidant.compliance;

import app.confidant.security.IdentityReviewService;
import app.confidant.security.ServiceAccount;
import app.confidant.security.ServiceAccountService;
import app.confidant.security.UserAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Identities: every person has a second factor, nobody is dormant (no login for 90 days), nobody holds roles that
 * break separation of duties, and no active service account's certificate has expired or expires within 30 days.
 */
@ApplicationScoped
public class IdentityControl {

    static final Duration DORMANT = Duration.ofDays(90);
    static final Duration EXPIRY_NOTICE = Duration.ofDays(30);

    @Inject
    IdentityReviewService review;

    @Inject
    UserAdminService admin;

    @Inject
    ServiceAccountService serviceAccounts;

    @Inject
    Clock clock;

    ControlResult check() {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        review.withoutMfa().forEach(name -> failures.add(name + " has no second factor (MFA) enrolled"));
        admin.conflicts().forEach(c -> failures.add(c.username() + " holds " + c.roles() + ": " + c.rule()));
        review.dormant(DORMANT).forEach(name -> warnings.add(name + " has not logged in for more than "
                + DORMANT.toDays() + " days: disable the account or confirm it is needed"));
        Instant now = clock.instant();
        List<ServiceAccount> active = serviceAccounts.list().stream().filter(a -> a.revokedAt() == null).toList();
        for (ServiceAccount account : active) {
            if (account.certNotAfter().isBefore(now)) {
                warnings.add("service account svc:" + account.name() + ": certificate expired on "
                        + account.certNotAfter() + " (revoke the account)");
            } else if (account.certNotAfter().isBefore(now.plus(EXPIRY_NOTICE))) {
                warnings.add("service account svc:" + account.name() + ": certificate expires on "
                        + account.certNotAfter() + " (register a successor)");
            }
        }
        return ControlResult.of("identities", "Identities and access", failures, warnings, failures.size()
                + " failures, " + warnings.size() + " warnings; " + active.size()
                + " active service accounts (next certificate expiry: " + active.stream()
                .map(ServiceAccount::certNotAfter).min(Instant::compareTo).map(Instant::toString).orElse("none") + ")");
    }
}
