package app.confidant.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the audit benchmark measured, written as {@code <date>-<commit>-audit.md} and {@code .json}.
 *
 * @param lookups what one event's caller lookups cost inside and outside an HTTP request ({@link RequestLookups})
 * @param check   that the run did what it claims: one event per audited write, none per unaudited one, and an
 *                intact chain
 */
record AuditResults(BenchSettings settings, Environment environment, Lookups lookups, List<AuditSummary.Row> rows,
                    List<AuditPhase> phases, Check check) {

    /** Median microseconds of one event's actor and request lookups. */
    record Lookups(int samples, double inRequest, double outsideRequest) {
    }

    record Check(long auditedWrites, long unauditedWrites, long eventsRecorded, long chainRows, boolean chainIntact) {
    }

    /** Writes both files and returns the Markdown one. */
    Path write() throws IOException {
        Path dir = Files.createDirectories(settings.resultsDir());
        String name = environment.date() + "-" + settings.shortCommit() + "-audit";
        Files.writeString(dir.resolve(name + ".json"), AuditJsonReport.render(this), StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve(name + ".md"), AuditMarkdownReport.render(this), StandardCharsets.UTF_8);
    }

    AuditSummary.Row row(int threads) {
        return rows.stream().filter(r -> r.threads() == threads).findFirst().orElseThrow();
    }

    AuditSummary.Row singleThreaded() {
        return row(1);
    }

    AuditSummary.Row multiThreaded() {
        return rows.get(rows.size() - 1);
    }
}
