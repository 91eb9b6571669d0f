package app.confidant.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Software: the running version, the SBOM shipped in the WAR, and dependencies the build found newer releases of. */
@ApplicationScoped
public class SoftwareControl {

    @Inject
    BuildInfo build;

    ControlResult check(VersionResponse version) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String sbom = "no SBOM";
        Optional<byte[]> bom = build.sbom();
        if (bom.isEmpty()) {
            failures.add("the WAR carries no SBOM (" + BuildInfo.SBOM + "): build it with mvn package");
        } else {
            JsonObject json = Json.createReader(new ByteArrayInputStream(bom.get())).readObject();
            sbom = "SBOM CycloneDX " + json.getString("specVersion", "?") + " with "
                    + json.getJsonArray("components").size() + " components";
        }
        Optional<List<String>> updates = build.dependencyUpdates();
        if (updates.isEmpty()) {
            warnings.add("the build wrote no dependency-updates report (built offline?)");
        } else {
            updates.get().forEach(line -> warnings.add("newer release at build time: " + line));
        }
        if (version.gitDirty()) {
            warnings.add("built from uncommitted changes");
        }
        return ControlResult.of("software", "Software and updates", failures, warnings, "Confidant "
                + version.version() + " (commit " + version.gitCommit() + ", built " + version.builtAt() + ") on "
                + version.payara() + ", JDK " + version.jdk() + "; " + sbom);
    }
}
