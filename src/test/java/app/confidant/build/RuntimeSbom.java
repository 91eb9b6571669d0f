package app.confidant.build;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Build step (prepare-package, after the CycloneDX plugin): adds the runtime to the WAR's SBOM. The CycloneDX plugin
 * lists only what the WAR carries; everything else that runs — Payara Micro and the libraries it bundles
 * (EclipseLink, Weld, Jersey, Grizzly, Hazelcast, H2, …) — is read here from the payara-micro jar itself: its
 * nested jars (MICRO-INF/runtime/*.jar), each one's manifest (Bundle-Version, Implementation-Version) and, when it
 * has exactly one, its Maven coordinates (META-INF/maven/…/pom.properties). Payara's own modules (group fish.payara.*)
 * are one component, payara-micro, with the jar's SHA-256.
 *
 * <p>Arguments: the payara-micro jar, its version, the bom.json to complete (rewritten in place).
 */
public final class RuntimeSbom {
    private RuntimeSbom() {}

    /** One bundled library: Maven coordinates where known, else the OSGi bundle name. */
    record Bundled(String group, String name, String version, String file) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RuntimeSbom <payara-micro.jar> <payara version> <bom.json>");
        }
        Path payaraJar = Path.of(args[0]);
        String payaraVersion = args[1];
        Path bomFile = Path.of(args[2]);
        if (!Files.exists(bomFile)) {
            // The CycloneDX plugin requires online mode: Maven skips it silently in an offline (-o) build. Such a
            // build carries no SBOM (GET /compliance/sbom answers 503 sbom-missing); release builds run online.
            System.out.println("[runtime-sbom] WARNING: no " + bomFile + " (offline build?): the WAR carries no SBOM");
            return;
        }
        byte[] jar = Files.readAllBytes(payaraJar);
        List<Bundled> bundled = bundled(jar, payaraVersion);
        if (bundled.size() < 20) {
            throw new IllegalStateException("only " + bundled.size() + " bundled libraries found in " + payaraJar
                    + ": has the layout of the payara-micro jar changed (MICRO-INF/runtime)?");
        }
        JsonObject bom;
        try (JsonReader reader = Json.createReader(Files.newInputStream(bomFile))) {
            bom = reader.readObject();
        }
        JsonArrayBuilder components = Json.createArrayBuilder(bom.getJsonArray("components"));
        String payaraRef = "pkg:maven/fish.payara.extras/payara-micro@" + payaraVersion + "?type=jar";
        components.add(Json.createObjectBuilder()
                .add("type", "framework")
                .add("bom-ref", payaraRef)
                .add("group", "fish.payara.extras")
                .add("name", "payara-micro")
                .add("version", payaraVersion)
                .add("description", "The runtime the WAR is deployed on (Jakarta EE 11, MicroProfile)")
                .add("scope", "required")
                .add("hashes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("alg", "SHA-256").add("content", sha256(jar))))
                .add("licenses", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("expression", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0")))
                .add("purl", payaraRef)
                .add("properties", Json.createArrayBuilder().add(property("confidant:layer", "runtime"))));
        JsonArrayBuilder runtimeRefs = Json.createArrayBuilder();
        for (Bundled b : bundled) {
            String ref = b.group() == null ? "runtime:" + b.name() + "@" + b.version()
                    : "pkg:maven/" + b.group() + "/" + b.name() + "@" + b.version() + "?type=jar";
            runtimeRefs.add(ref);
            JsonObjectBuilder component = Json.createObjectBuilder().add("type", "library").add("bom-ref", ref);
            if (b.group() != null) {
                component.add("group", b.group());
            }
            component.add("name", b.name()).add("version", b.version()).add("scope", "required");
            if (b.group() != null) {
                component.add("purl", ref);
            }
            component.add("properties", Json.createArrayBuilder()
                    .add(property("confidant:layer", "runtime"))
                    .add(property("confidant:bundled-in", "payara-micro.jar!/MICRO-INF/runtime/" + b.file())));
            components.add(component);
        }
        JsonArrayBuilder dependencies = Json.createArrayBuilder(
                bom.containsKey("dependencies") ? bom.getJsonArray("dependencies") : JsonArray.EMPTY_JSON_ARRAY);
        dependencies.add(Json.createObjectBuilder().add("ref", payaraRef).add("dependsOn", runtimeRefs));
        JsonObject completed = Json.createObjectBuilder(bom)
                .add("components", components)
                .add("dependencies", dependencies)
                .build();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(Files.newOutputStream(bomFile))) {
            writer.writeObject(completed);
        }
        System.out.println("[runtime-sbom] " + bomFile + ": + payara-micro " + payaraVersion + " and "
                + bundled.size() + " libraries it bundles");
    }

    private static JsonObjectBuilder property(String name, String value) {
        return Json.createObjectBuilder().add("name", name).add("value", value);
    }

    /** The third-party libraries inside the payara-micro jar, one per nested jar, sorted and without duplicates. */
    static List<Bundled> bundled(byte[] payaraJar, String payaraVersion) throws IOException {
        Map<String, Bundled> found = new TreeMap<>();
        try (ZipInputStream outer = new ZipInputStream(new ByteArrayInputStream(payaraJar))) {
            for (ZipEntry e; (e = outer.getNextEntry()) != null; ) {
                String entry = e.getName();
                if (!entry.startsWith("MICRO-INF/runtime/") || !entry.endsWith(".jar")) {
                    continue;
                }
                String file = entry.substring("MICRO-INF/runtime/".length());
                for (Bundled b : describe(file, outer.readAllBytes(), payaraVersion)) {
                    found.putIfAbsent((b.group() == null ? "" : b.group()) + ":" + b.name() + "@" + b.version(), b);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * One nested jar: the library it is (none for Payara's own modules, covered by the payara-micro component), then
     * every other library shaded into it (its pom.properties: e.g. Grizzly inside Payara's nucleus-grizzly-all).
     */
    private static List<Bundled> describe(String file, byte[] nested, String payaraVersion) throws IOException {
        Manifest manifest = null;
        List<Properties> poms = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(nested))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(in.readAllBytes()));
                } else if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    p.load((InputStream) new ByteArrayInputStream(in.readAllBytes()));
                    poms.add(p);
                }
            }
        }
        String symbolic = manifest == null ? null : attribute(manifest, "Bundle-SymbolicName");
        String version = manifest == null ? null : attribute(manifest, "Bundle-Version");
        if (version == null && manifest != null) {
            version = attribute(manifest, "Implementation-Version");
        }
        String base = file.replaceFirst("(-" + java.util.regex.Pattern.quote(payaraVersion) + ")?\\.jar$", "");
        Properties pom = poms.stream().filter(p -> base.equals(p.getProperty("artifactId"))).findFirst()
                .orElse(poms.size() == 1 ? poms.get(0) : null);
        String group = pom == null ? null : pom.getProperty("groupId");
        if (version == null && pom != null) {
            version = pom.getProperty("version");
        }
        List<Bundled> result = new ArrayList<>();
        if (!((group != null && group.startsWith("fish.payara"))
                || (symbolic != null && symbolic.startsWith("fish.payara")) || payaraVersion.equals(version))) {
            String name = pom != null ? pom.getProperty("artifactId") : symbolic != null ? symbolic.split(";")[0].trim() : base;
            result.add(new Bundled(group, name, version == null ? "unknown" : version, file));
        }
        for (Properties shaded : poms) {
            String g = shaded.getProperty("groupId");
            String a = shaded.getProperty("artifactId");
            String v = shaded.getProperty("version");
            if (shaded != pom && g != null && a != null && v != null && !g.startsWith("fish.payara")
                    && !v.contains("${")) {
                result.add(new Bundled(g, a, v, file + " (shaded)"));
            }
        }
        return result;
    }

    private static String attribute(Manifest manifest, String name) {
        String value = manifest.getMainAttributes().getValue(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
