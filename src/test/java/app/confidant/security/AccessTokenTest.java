package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private final Instant start = Instant.parse("2026-11-25T08:00:00Z");
    private final AccessToken token = new AccessToken(new byte[32], UUID.randomUUID(), UUID.randomUUID(),
            AccessToken.Stage.MFA_PENDING, start);

    @Test
    void idleForFifteenMinutesEndsTheToken() {
        assertThat(token.usableAt(start.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(token.usableAt(start.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void useKeepsAnAuthenticatedTokenAliveButNeverBeyondEightHours() {
        token.secondFactorVerified(start);
        for (int minute = 10; minute < 8 * 60; minute += 10) {
            assertThat(token.usableAt(start.plus(Duration.ofMinutes(minute)))).isTrue();
            token.used(start.plus(Duration.ofMinutes(minute)));
        }
        assertThat(token.usableAt(start.plus(Duration.ofHours(8)))).isFalse();
    }

    @Test
    void useIsRecordedToTheMinuteSoAnActiveSessionDoesNotWriteOnEveryRequest() {
        token.secondFactorVerified(start);
        token.used(start.plusSeconds(59)); // not recorded: the idle timer still runs from the start
        assertThat(token.usableAt(start.plus(Duration.ofMinutes(15)))).isFalse();

        AccessToken other = new AccessToken(new byte[32], UUID.randomUUID(), UUID.randomUUID(),
                AccessToken.Stage.MFA_PENDING, start);
        other.secondFactorVerified(start);
        other.used(start.plusSeconds(60)); // recorded
        assertThat(other.usableAt(start.plus(Duration.ofMinutes(15)).plusSeconds(59))).isTrue();
        assertThat(other.usableAt(start.plus(Duration.ofMinutes(16)))).isFalse();
    }

    @Test
    void guessesDoNotKeepATokenWithoutItsSecondFactorAlive() {
        for (int minute = 1; minute < 15; minute++) {
            token.used(start.plus(Duration.ofMinutes(minute)));
        }
        assertThat(token.usableAt(start.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void stepUpLastsFiveMinutes() {
        assertThat(token.steppedUpAt(start)).isFalse();
        token.secondFactorVerified(start);
        assertThat(token.stage()).isEqualTo(AccessToken.Stage.AUTHENTICATED);
        assertThat(token.steppedUpAt(start.plus(Duration.ofMinutes(4)))).isTrue();
        assertThat(token.steppedUpAt(start.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void revokedTokensAreDead() {
        token.revoke(start.plusSeconds(1));
        assertThat(token.usableAt(start.plusSeconds(2))).isFalse();
    }
}
