package app.confidant.einvoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The official EN 16931 UBL examples in ../shared/en16931/examples (outside the repository, beside it). */
final class Examples {

    private Examples() {
    }

    static Path folder() {
        Path base = Path.of(System.getProperty("confidant.basedir", "."));
        for (Path candidate : List.of(base.resolve("../shared/en16931/examples"),
                base.resolve("../../shared/en16931/examples"), Path.of("/work/shared/en16931/examples"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("EN 16931 examples not found beside the checkout (../shared/en16931/examples)");
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
