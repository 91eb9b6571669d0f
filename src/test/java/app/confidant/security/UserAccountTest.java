package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private final Instant now = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void fiveFailuresLockWithGrowingBackOff() {
        UserAccount user = new UserAccount("u", now);
        for (int i = 0; i < 4; i++) {
            assertThat(user.loginFailed(now)).isFalse();
        }
        assertThat(user.lockedAt(now)).isFalse();
        assertThat(user.loginFailed(now)).as("the fifth failure locks").isTrue();
        assertThat(user.lockedAt(now.plus(Duration.ofSeconds(59)))).isTrue();
        assertThat(user.lockedAt(now.plus(Duration.ofMinutes(1)))).isFalse();
        user.loginFailed(now);
        assertThat(user.lockedAt(now.plus(Duration.ofSeconds(119)))).isTrue();
        user.loginSucceeded(now);
        assertThat(user.lockedAt(now)).isFalse();
        assertThat(user.failedLogins()).isZero();
    }

    @Test
    void aTimeStepCanBeUsedOnlyOnce() {
        UserAccount user = new UserAccount("u", now);
        user.enableMfa(100);
        assertThat(user.useTotpStep(100)).isFalse();
        assertThat(user.useTotpStep(99)).isFalse();
        assertThat(user.useTotpStep(101)).isTrue();
        assertThat(user.useTotpStep(101)).isFalse();
    }

    @Test
    void administrativeRolesDoNotMixWithInvoiceRolesNorWithEachOther() {
        assertThat(UserAdminService.conflictRule(Set.of(Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN))).isNotNull();
        assertThat(UserAdminService.conflictRule(Set.of(Roles.SECURITY_ADMIN, Roles.AUDITOR))).isNull();
        assertThat(UserAdminService.conflictRule(Set.of(Roles.CLERK, Roles.APPROVER, Roles.AUDITOR))).isNull();
        assertThat(UserAdminService.conflictRule(Set.of(Roles.KEY_CUSTODIAN, Roles.ACCOUNTANT))).isNotNull();
        assertThat(UserAdminService.conflictRule(Set.of(Roles.SECURITY_ADMIN, Roles.CLERK))).isNotNull();
    }

    @Test
    void anActivationCodeWorksUntilItExpiresAndOnlyOnce() {
        UserAccount user = new UserAccount("u", now);
        assertThat(user.activated()).isFalse();
        user.newActivation("aa", now.plus(Duration.ofHours(72)));
        assertThat(user.activationMatches("ab", now)).isFalse();
        assertThat(user.activationMatches("aa", now.plus(Duration.ofHours(72)))).as("expired").isFalse();
        assertThat(user.activationMatches("aa", now)).isTrue();
        user.activate("hash");
        assertThat(user.activated()).isTrue();
        assertThat(user.activationMatches("aa", now)).as("used").isFalse();
        assertThat(user.mustChangePassword()).isFalse();
    }

    @Test
    void aGeneratedPasswordMustBeChangedOnce() {
        UserAccount user = new UserAccount("admin", now);
        user.generatedPassword("generated");
        assertThat(user.mustChangePassword()).isTrue();
        user.passwordHash("chosen");
        assertThat(user.mustChangePassword()).isFalse();
    }
}
