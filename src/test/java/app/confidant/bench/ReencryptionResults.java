package app.confidant.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the re-encryption benchmark measured, written as
 * {@code <date>-<commit>[-dirty]-reencryption.md} and {@code .json} side by side.
 *
 * @param heapMax the server's maximum heap (-Xmx or the JVM's default), for scale
 */
record ReencryptionResults(BenchSettings settings, Environment environment, long heapMax,
                           List<ReencryptionRound> rounds) {

    /** Writes both files and returns the Markdown one. */
    Path write() throws IOException {
        Path dir = Files.createDirectories(settings.resultsDir());
        String name = environment.date() + "-" + settings.shortCommit() + (settings.dirty() ? "-dirty" : "")
                + "-reencryption";
        Files.writeString(dir.resolve(name + ".json"), ReencryptionJson.render(this), StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve(name + ".md"), ReencryptionMarkdown.render(this), StandardCharsets.UTF_8);
    }

    /** The largest size: the one the goal and the time split are read from. */
    ReencryptionRound largest() {
        return rounds.get(rounds.size() - 1);
    }
}
