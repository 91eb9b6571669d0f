package app.confidant.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Everything one run measured, written as {@code <date>-<commit>-sealing.md} and {@code .json} side by side. */
record Results(BenchSettings settings, Environment environment, CipherTimings.Result cipher, List<Summary.Row> rows,
               List<Phase> phases) {

    /** Writes both files and returns the Markdown one. */
    Path write() throws IOException {
        Path dir = Files.createDirectories(settings.resultsDir());
        String name = environment.date() + "-" + settings.shortCommit() + "-sealing";
        Files.writeString(dir.resolve(name + ".json"), JsonReport.render(this), StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve(name + ".md"), MarkdownReport.render(this), StandardCharsets.UTF_8);
    }

    BenchSettings.Counts counts() {
        return settings.counts();
    }

    /** The single-threaded row of an operation, which the time split is computed from. */
    Summary.Row singleThreaded(Phase.Operation operation) {
        return rows.stream().filter(r -> r.threads() == 1 && r.operation() == operation).findFirst().orElseThrow();
    }
}
