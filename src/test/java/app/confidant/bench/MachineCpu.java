package app.confidant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Whole-machine CPU use from /proc/stat (Linux). These machines are shared with other builds and test runs, so the
 * benchmark waits until nothing else runs before it measures, and says in the report whether that happened.
 */
final class MachineCpu {

    /** Below this share of all cores busy, with our own server idle, the machine counts as quiet. */
    static final double QUIET = 0.20;
    private static final int QUIET_SECONDS = 3;

    /** How the wait went: seconds waited, whether the machine got quiet, and how busy it was when measuring began. */
    record Wait(long seconds, boolean quiet, double busy) {
    }

    private MachineCpu() {
    }

    /** Waits (at most {@code max}) until the machine has been quiet for a few seconds in a row. */
    static Wait awaitQuiet(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        int quietSeconds = 0;
        double busy = busyOver(Duration.ofSeconds(1));
        while (System.nanoTime() - start < max.toNanos()) {
            quietSeconds = busy < QUIET ? quietSeconds + 1 : 0;
            if (quietSeconds >= QUIET_SECONDS) {
                return new Wait(Duration.ofNanos(System.nanoTime() - start).toSeconds(), true, busy);
            }
            busy = busyOver(Duration.ofSeconds(1));
        }
        return new Wait(max.toSeconds(), false, busy);
    }

    /** The share of all cores that was busy over the interval; -1 where /proc/stat cannot be read. */
    static double busyOver(Duration interval) throws InterruptedException {
        long[] before = ticks();
        Thread.sleep(interval.toMillis());
        long[] after = ticks();
        if (before.length == 0 || after.length == 0) {
            return -1;
        }
        double total = after[0] - before[0];
        return total <= 0 ? 0 : 1 - (after[1] - before[1]) / total;
    }

    /** {total, idle} ticks of all cores since boot (idle includes waiting for I/O). */
    private static long[] ticks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] values = Arrays.stream(cpu, 1, Math.min(cpu.length, 9)).mapToLong(Long::parseLong).toArray();
            return new long[] {Arrays.stream(values).sum(), values[3] + values[4]};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
