package app.confidant.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the figures were measured on, from inside the container. The load averages show whether something else
 * (another build, another test run) shared the machine's cores during the run.
 */
record Environment(LocalDate date, Instant startedAt, Duration took, String jdk, String vm, String os, int cores,
                   String postgres, double loadBefore, double loadAfter, MachineCpu.Wait quietWait) {

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static Environment capture(String postgres, Instant startedAt, double loadBefore, MachineCpu.Wait quietWait) {
        return new Environment(LocalDate.ofInstant(startedAt, ZoneOffset.UTC), startedAt,
                Duration.between(startedAt, Instant.now()), Runtime.version().toString(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"),
                String.join(" ", System.getProperty("os.name"), System.getProperty("os.version"),
                        System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(), postgres, loadBefore, loadAverage(), quietWait);
    }
}
