package app.confidant.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL schema of the integration tests ({@code ./confidant test} passes the URL and an administrative
 * user). Each run re-creates it with deploy/postgresql-roles.sql, the same script production uses: a schema owner
 * that runs the migrations and a least-privilege application role that serves requests.
 */
public final class TestDatabase {

    /** The schema of the black-box server ({@link ConfidantServer#shared()}). */
    public static final TestDatabase SERVER = new TestDatabase("confidant_it_" + checkoutTag());
    /** The schema of the Arquillian (in-container) Payara Micro. */
    public static final TestDatabase IN_CONTAINER = new TestDatabase("confidant_arq_" + checkoutTag());
    /** The schema of the benchmarks' Payara Micro ({@code ./confidant bench}): bench tables never meet test data. */
    public static final TestDatabase BENCH = new TestDatabase("confidant_bench_" + checkoutTag());
    /** The schema of the HTTP benchmark's server (launched like production, next to the in-container one). */
    public static final TestDatabase HTTP_BENCH = new TestDatabase("confidant_httpbench_" + checkoutTag());

    /** The schema of the activation test's own server (a fresh bootstrap administrator, short activation codes). */
    public static final TestDatabase ACTIVATION = new TestDatabase("confidant_activation_" + checkoutTag());
    /** The schema of the server that writes its log as JSON ({@code JsonLogIT}). */
    public static final TestDatabase JSON_LOG = new TestDatabase("confidant_jsonlog_" + checkoutTag());
    /** The schema of the server that forwards its audit events to a real rsyslog ({@code SyslogForwardingIT}). */
    public static final TestDatabase SYSLOG = new TestDatabase("confidant_syslog_" + checkoutTag());
    /** The schema of the server that a key-rotation test kills with SIGKILL and restarts. */
    public static final TestDatabase KILLED = new TestDatabase("confidant_kill_" + checkoutTag());
    /** The schema of the key-backup test's server, whose token it loses and restores. */
    public static final TestDatabase BACKUPS = new TestDatabase("confidant_backups_" + checkoutTag());
    /** The schema of the audit witness test's server, which deletes whole lanes and restores older tables. */
    public static final TestDatabase WITNESS = new TestDatabase("confidant_witness_" + checkoutTag());
    /** The upgrade test's database populated by the running release ({@code UpgradeIT}). */
    public static final TestDatabase UPGRADE_SOURCE = new TestDatabase("confidant_upfrom_" + checkoutTag());
    /** The upgrade test's database at the previous release's schema, then migrated to the latest. */
    public static final TestDatabase UPGRADE_TARGET = new TestDatabase("confidant_upto_" + checkoutTag());

    private final String schema;
    private final String ownerPassword = randomPassword();
    private final String appPassword = randomPassword();

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    public String ownerRole() {
        return schema + "_owner";
    }

    public String appRole() {
        return schema + "_app";
    }

    static String url() {
        return System.getProperty("confidant.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String adminUser() {
        return System.getProperty("confidant.test.db.user", "postgres");
    }

    static String adminPassword() {
        String password = System.getenv("CONFIDANT_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    /** A raw JDBC connection to the test schema as the schema owner (what a DBA or attacker with DDL rights has). */
    public Connection connectAsOwner() throws SQLException {
        return connect(ownerRole(), ownerPassword);
    }

    String ownerPassword() {
        return ownerPassword;
    }

    /** A raw JDBC connection as the database administrator (superuser in tests). */
    static Connection connectAsAdministrator() throws SQLException {
        return DriverManager.getConnection(url(), adminUser(), adminPassword());
    }

    /** A raw JDBC connection as the application role, with exactly the rights the server has. */
    public Connection connectAsApplication() throws SQLException {
        return connect(appRole(), appPassword);
    }

    private Connection connect(String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(url(), user, password);
        connection.setSchema(schema);
        return connection;
    }

    /** Drops the previous run's schema and sets roles and schema up again with deploy/postgresql-roles.sql. */
    public void resetSchema() throws SQLException, IOException, InterruptedException {
        try (Connection admin = DriverManager.getConnection(url(), adminUser(), adminPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        URI uri = URI.create(url().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        ProcessBuilder psql = new ProcessBuilder(List.of("psql", "-q", "-X", "-h", uri.getHost(),
                "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", adminUser(), "-d", database,
                "-v", "owner_role=" + ownerRole(), "-v", "app_role=" + appRole(), "-v", "schema=" + schema,
                "-f", ConfidantServer.basedir().resolve("deploy/postgresql-roles.sql").toString()))
                .redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", adminPassword());
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("deploy/postgresql-roles.sql failed: " + output);
        }
        try (Connection admin = DriverManager.getConnection(url(), adminUser(), adminPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + ownerRole() + " PASSWORD '" + ownerPassword + "'");
            statement.execute("ALTER ROLE " + appRole() + " PASSWORD '" + appPassword + "'");
        }
    }

    /** The launcher's environment for a server on this schema (the roles' search_path selects the schema). */
    public Map<String, String> serverEnvironment() {
        return Map.of(
                "CONFIDANT_DB_URL", url(),
                "CONFIDANT_DB_USER", appRole(),
                "CONFIDANT_DB_PASSWORD", appPassword,
                "CONFIDANT_DB_OWNER_USER", ownerRole(),
                "CONFIDANT_DB_OWNER_PASSWORD", ownerPassword);
    }

    /**
     * Schemas and roles are named after the checkout, so two checkouts (or CI jobs) testing against one PostgreSQL
     * never reset each other's schema in the middle of a run.
     */
    private static String checkoutTag() {
        try {
            // not ConfidantServer.basedir(): this class also loads inside the container, where that class is absent
            String basedir = java.nio.file.Path.of(System.getProperty("confidant.basedir", ".")).toAbsolutePath().toString();
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    basedir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
