package app.confidant.bench.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the server's time goes, from a JFR recording: CPU samples attributed to the layer nearest the top of each
 * stack (HSM, TLS, JDBC, JPA, JSON, ...), native samples inside the HSM library, and the JDK's own hot-methods view.
 */
final class JfrSummary {

    /** Layers in order of precedence: a sample goes to the first of these found walking down from the top frame. */
    private static final Map<String, List<String>> LAYERS = layers();

    private JfrSummary() {
    }

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put("HSM calls (SunPKCS11)", List.of("sun.security.pkcs11."));
        layers.put("TLS", List.of("sun.security.ssl.", "com.sun.crypto.provider.", "sun.security.ec."));
        layers.put("JDBC (PostgreSQL driver)", List.of("org.postgresql."));
        layers.put("JPA (EclipseLink)", List.of("org.eclipse.persistence."));
        layers.put("JSON (Yasson, Parsson)", List.of("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json."));
        layers.put("Bean Validation", List.of("org.hibernate.validator."));
        layers.put("JAX-RS (Jersey)", List.of("org.glassfish.jersey."));
        layers.put("HTTP (Grizzly)", List.of("org.glassfish.grizzly."));
        layers.put("CDI, EJB, transactions, security", List.of("org.jboss.weld.", "com.sun.ejb.", "org.glassfish.",
                "com.sun.enterprise.", "com.sun.jts.", "fish.payara.", "org.apache.catalina."));
        layers.put("Confidant code", List.of("app.confidant."));
        return layers;
    }

    static String of(Path recording) throws Exception {
        String jfr = BenchServer.jdkTool("jfr");
        String samples = BenchServer.run(List.of(jfr, "print", "--stack-depth", "64", "--events",
                "jdk.ExecutionSample", recording.toString()));
        String natives = BenchServer.run(List.of(jfr, "print", "--stack-depth", "64", "--events",
                "jdk.NativeMethodSample", recording.toString()));
        Map<String, Integer> byLayer = attribute(samples);
        int total = byLayer.values().stream().mapToInt(Integer::intValue).sum();
        int hsmNative = count(natives, "sun.security.pkcs11.wrapper.PKCS11.");
        StringBuilder out = new StringBuilder("CPU samples of the server (jdk.ExecutionSample, " + total
                + " samples), by the layer nearest the top of the stack:\n\n| layer | share |\n|---|---:|\n");
        byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append("| ").append(e.getKey()).append(" | ")
                        .append(total == 0 ? "0" : "%.1f %%".formatted(100.0 * e.getValue() / total)).append(" |\n"));
        out.append("\nThreads sampled inside the HSM's native library (jdk.NativeMethodSample in PKCS11 calls): ")
                .append(hsmNative).append(".\n\nHot methods (`jfr view hot-methods`):\n\n```\n")
                .append(BenchServer.run(List.of(jfr, "view", "--width", "120", "hot-methods", recording.toString()))
                        .strip()).append("\n```\n");
        return out.toString();
    }

    private static Map<String, Integer> attribute(String printed) {
        Map<String, Integer> byLayer = new LinkedHashMap<>();
        for (String event : printed.split("jdk\\.ExecutionSample \\{")) {
            int stack = event.indexOf("stackTrace = [");
            if (stack < 0) {
                continue;
            }
            String layer = "JDK and other";
            outer:
            for (String frame : event.substring(stack).split("\n")) {
                String f = frame.strip();
                for (Map.Entry<String, List<String>> candidate : LAYERS.entrySet()) {
                    if (candidate.getValue().stream().anyMatch(f::startsWith)) {
                        layer = candidate.getKey();
                        break outer;
                    }
                }
            }
            byLayer.merge(layer, 1, Integer::sum);
        }
        return byLayer;
    }

    private static int count(String printed, String frame) {
        int count = 0;
        for (String event : printed.split("jdk\\.NativeMethodSample \\{")) {
            if (event.contains(frame)) {
                count++;
            }
        }
        return count;
    }
}
