package app.confidant.compliance;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the build put into the WAR: META-INF/confidant/build.properties (version, build time, commit),
 * META-INF/sbom/bom.json (CycloneDX) and META-INF/sbom/dependency-updates.txt (versions-maven-plugin).
 */
@ApplicationScoped
@PermitAll // the build's version and SBOM, shipped in the WAR; the resource decides who may read them
public class BuildInfo {

    static final String SBOM = "META-INF/sbom/bom.json";
    static final String UPDATES = "META-INF/sbom/dependency-updates.txt";

    public VersionResponse version(String serverInfo) {
        Properties build = new Properties();
        resource("META-INF/confidant/build.properties").ifPresent(bytes -> {
            try {
                build.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String payara = serverInfo == null || serverInfo.isBlank() ? "Payara Micro " + build.getProperty("payara", "?")
                : serverInfo;
        return new VersionResponse(build.getProperty("version", "unknown"), build.getProperty("built-at", "unknown"),
                build.getProperty("git-commit", "unknown"), "true".equals(build.getProperty("git-dirty")), payara,
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
    }

    public Optional<byte[]> sbom() {
        return resource(SBOM);
    }

    /** "group:artifact ... 1.0 -> 1.1" lines of the build's dependency-updates report; empty if it found none. */
    public Optional<List<String>> dependencyUpdates() {
        return resource(UPDATES).map(bytes -> new String(bytes, StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(" -> ")).map(line -> line.strip().replaceAll(" \\.{2,} ", " ")).toList());
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
