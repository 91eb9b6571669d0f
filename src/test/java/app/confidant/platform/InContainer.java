package app.confidant.platform;

import app.confidant.crypto.TokenInspector;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Prepares the Arquillian-managed Payara Micro (src/test/resources/arquillian.xml): its own PostgreSQL schema and
 * roles, a JDBC post-boot file, and the suite's SoftHSM2 token with its PIN as a MicroProfile Config secret. Call
 * {@link #prepare()} (tests) or {@link #prepare(TestDatabase)} (benchmarks) from a static initialiser of every
 * Arquillian class: it runs before the container starts.
 */
public final class InContainer {

    /** The schema the container was prepared for in this JVM, or null. */
    private static String preparedSchema;

    private InContainer() {
    }

    /** The tests' container, on {@link TestDatabase#IN_CONTAINER}. */
    public static void prepare() {
        if (!insideContainer()) { // test deployments do not carry TestDatabase, so it is only touched outside
            prepare(TestDatabase.IN_CONTAINER);
        }
    }

    /** A container on the given schema; one JVM starts one container, so it takes one schema only. */
    public static synchronized void prepare(TestDatabase db) {
        if (insideContainer()) {
            return;
        }
        if (preparedSchema != null) {
            if (!preparedSchema.equals(db.schema())) {
                throw new IllegalStateException("container already prepared for schema " + preparedSchema);
            }
            return;
        }
        try {
            Path base = ConfidantServer.basedir();
            Path home = base.resolve("target/it/arq");
            Path secrets = Files.createDirectories(home.resolve("secrets"));
            // A token of its own (failsafe's SOFTHSM2_CONF points here): the fault test takes it away.
            Path token = home.resolve("hsm");
            TokenInspector.setUp(base, token, secrets.resolve("confidant.hsm.pin"));
            Files.writeString(secrets.resolve("confidant.hsm.config"), token.resolve("sunpkcs11.cfg").toString());
            Files.writeString(secrets.resolve("confidant.hsm.heal-timeout-seconds"), "5");
            Files.writeString(secrets.resolve("confidant.bootstrap.password-file"),
                    home.resolve("bootstrap-admin.password").toString());

            db.resetSchema();
            var env = db.serverEnvironment();
            String pool = "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                    + " --restype javax.sql.DataSource --steadypoolsize 0 --maxpoolsize %d --property url=%s:user=%s:password=%s:stringType=unspecified %s%n"
                    + "create-jdbc-resource --connectionpoolid %s %s%n";
            String commands = pool.formatted(32, escape(env.get("CONFIDANT_DB_URL")), env.get("CONFIDANT_DB_USER"),
                    env.get("CONFIDANT_DB_PASSWORD"), "confidant-pool", "confidant-pool", "jdbc/confidant")
                    + pool.formatted(2, escape(env.get("CONFIDANT_DB_URL")), env.get("CONFIDANT_DB_OWNER_USER"),
                    env.get("CONFIDANT_DB_OWNER_PASSWORD"), "confidant-owner-pool", "confidant-owner-pool",
                    "jdbc/confidant-owner");
            // A test or benchmark method runs inside one request of Arquillian's servlet protocol, and Grizzly
            // interrupts a request's thread after 900 s by default: the 1M-value re-encryption benchmark runs longer.
            commands += "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                    + ".request-timeout-seconds=-1%n".formatted();
            Files.writeString(home.resolve("post-boot.asadmin"), commands);
            try (var old = Files.list(home)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                    Files.delete(file);
                }
            }
            preparedSchema = db.schema();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the in-container test environment", e);
        }
    }

    /** The built WAR plus the given test classes and AssertJ: the application exactly as shipped, plus probes. */
    public static WebArchive deployment(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                ConfidantServer.basedir().resolve("target/confidant.war").toFile());
        war.addClasses(testClasses);
        war.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        return war;
    }

    /**
     * Runs {@code work} inside the container's current request as a caller with {@code role} (in a tenant of its
     * own), for tests that call a bean which states its roles; the request has no caller otherwise.
     */
    public static <T> T as(jakarta.servlet.http.HttpServletRequest request, String role,
            java.util.concurrent.Callable<T> work) throws Exception {
        String attribute = app.confidant.security.Caller.class.getName();
        request.setAttribute(attribute, new app.confidant.security.Caller(java.util.UUID.randomUUID(),
                "in-container " + role.toLowerCase(), java.util.UUID.randomUUID(), java.util.Set.of(role), false, null));
        try {
            return work.call();
        } finally {
            request.removeAttribute(attribute);
        }
    }

    /** Home of the in-container server's state (token, secrets, log); call it from inside the container. */
    public static Path home() {
        return Path.of(System.getProperty("confidant.arq.home"));
    }

    /** Everything the in-container server has logged so far (--logtofile rotates into server.log.N). */
    public static String serverLog() throws java.io.IOException {
        StringBuilder log = new StringBuilder();
        try (var files = Files.list(home())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                log.append(Files.readString(file));
            }
        }
        return log.toString();
    }

    /** True in the Payara Micro JVM that runs the tests' bodies (arquillian.xml sets the property there). */
    private static boolean insideContainer() {
        return System.getProperty("confidant.arq.home") != null;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String value) {
        return value.replace(":", "\\:").replace("=", "\\=");
    }
}
