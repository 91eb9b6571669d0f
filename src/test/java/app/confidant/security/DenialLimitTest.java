package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DenialLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-08T05:00:00Z");

    @Test
    void aCallerRecordsAtMostItsLimitPerWindowAndIsOwedOneSuppressionEventWithTheCount() {
        DenialLimit limit = new DenialLimit(5, 1000, Duration.ofMinutes(1));
        int recorded = 0;
        for (int i = 0; i < 200; i++) {
            if (limit.admit("caller a", "A", T0.plusMillis(i)) == DenialLimit.Verdict.RECORD) {
                recorded++;
            }
        }
        assertThat(recorded).isEqualTo(5);
        assertThat(limit.drain(T0.plusSeconds(59))).isEmpty();

        var owed = limit.drain(T0.plusSeconds(60));
        assertThat(owed).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("caller a");
            assertThat(s.subject()).isEqualTo("A");
            assertThat(s.count()).isEqualTo(195);
            assertThat(s.start()).isEqualTo(T0);
        });
        assertThat(limit.drain(T0.plusSeconds(61))).isEmpty();
    }

    @Test
    void callersAreCountedApartAndANewWindowRecordsAgain() {
        DenialLimit limit = new DenialLimit(2, 1000, Duration.ofMinutes(1));
        assertThat(limit.admit("a", null, T0)).isEqualTo(DenialLimit.Verdict.RECORD);
        assertThat(limit.admit("a", null, T0)).isEqualTo(DenialLimit.Verdict.RECORD);
        assertThat(limit.admit("a", null, T0)).isEqualTo(DenialLimit.Verdict.SUPPRESS);
        assertThat(limit.admit("b", null, T0)).isEqualTo(DenialLimit.Verdict.RECORD);

        assertThat(limit.admit("a", null, T0.plusSeconds(60))).isEqualTo(DenialLimit.Verdict.RECORD);
        assertThat(limit.drain(T0.plusSeconds(60))).singleElement()
                .satisfies(s -> assertThat(s.count()).isEqualTo(1));
    }

    @Test
    void aFloodFromManyCallersWritesAtMostTwiceTheTotalPlusOneEventsPerWindow() {
        DenialLimit limit = new DenialLimit(3, 10, Duration.ofMinutes(1));
        int recorded = 0;
        for (int i = 0; i < 10_000; i++) {
            if (limit.admit("address " + (i % 5000), null, T0) == DenialLimit.Verdict.RECORD) {
                recorded++;
            }
        }
        var owed = limit.drain(T0.plusSeconds(60));
        assertThat(recorded).isEqualTo(10);
        assertThat(owed.size()).isLessThanOrEqualTo(11);
        assertThat(recorded + owed.stream().mapToLong(DenialLimit.Suppressed::count).sum()).isEqualTo(10_000);
        assertThat(owed).anySatisfy(s -> assertThat(s.key()).isEqualTo(DenialLimit.OTHERS));
    }
}
