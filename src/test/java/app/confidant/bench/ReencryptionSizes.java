package app.confidant.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * How many stored values the re-encryption benchmark rotates, one fresh tenant per size: 100,000 and 1,000,000 in a
 * full run, 2,000 and 10,000 quick; {@code -Dconfidant.bench.reencryption.sizes=100000} (comma-separated) chooses
 * others. Decided in the build and carried into the deployment, like {@link BenchSettings}.
 */
record ReencryptionSizes(List<Integer> values) {

    static final String PROPERTY = "confidant.bench.reencryption.sizes";
    static final String RESOURCE = "app/confidant/bench/reencryption.properties";
    private static final String FULL = "100000,1000000";
    private static final String QUICK = "2000,10000";

    /** In the build's JVM. */
    static String fromBuild(boolean quick) {
        String sizes = System.getProperty(PROPERTY, "");
        return "sizes=" + (sizes.isBlank() ? quick ? QUICK : FULL : sizes.strip()) + "\n";
    }

    /** Inside the container. */
    static ReencryptionSizes fromDeployment() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReencryptionSizes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the deployment");
            }
            p.load(in);
        }
        return new ReencryptionSizes(Arrays.stream(p.getProperty("sizes").split(",")).map(String::strip)
                .map(Integer::valueOf).toList());
    }
}
