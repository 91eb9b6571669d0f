package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The WAR that ships is the application only: benchmark code and its migration exist in test deployments only. */
class ShippedWarIT {

    @Test
    void theWarCarriesNoBenchmarkCodeAndOnlyTheApplicationsMigrations() throws Exception {
        Path sources = ConfidantServer.basedir().resolve("src/main/resources/db/migration");
        List<String> migrations;
        try (var files = Files.list(sources)) {
            migrations = files.map(f -> "WEB-INF/classes/db/migration/" + f.getFileName()).toList();
        }
        try (ZipFile war = new ZipFile(ConfidantServer.basedir().resolve("target/confidant.war").toFile())) {
            List<String> entries = war.stream().map(e -> e.getName()).toList();

            assertThat(entries).noneMatch(name -> name.startsWith("WEB-INF/classes/app/confidant/bench/"));
            assertThat(entries).filteredOn(name -> name.startsWith("WEB-INF/classes/db/migration/")
                    && !name.endsWith("/")).containsExactlyInAnyOrderElementsOf(migrations);
        }
    }
}
