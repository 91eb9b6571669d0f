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
 * The PostgreSQL database of the integration tests ({@code ./confidant test} passes its URL and an administrative
 * user). Each run gets a fresh schema set up by deploy/postgresql-roles.sql, the same script production uses: a
 * schema owner that runs the migrations and a least-privilege application role that serves requests.
 */
public final class TestDatabase {

    public static final String SCHEMA = "confidant_it";
    public static final String OWNER_ROLE = "confidant_it_owner";
    public static final String APP_ROLE = "confidant_it_app";
    private static final String OWNER_PASSWORD = randomPassword();
    private static final String APP_PASSWORD = randomPassword();

    private TestDatabase() {
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
    public static Connection connectAsOwner() throws SQLException {
        return connect(OWNER_ROLE, OWNER_PASSWORD);
    }

    /** A raw JDBC connection as the application role, with exactly the rights the server has. */
    public static Connection connectAsApplication() throws SQLException {
        return connect(APP_ROLE, APP_PASSWORD);
    }

    private static Connection connect(String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(url(), user, password);
        connection.setSchema(SCHEMA);
        return connection;
    }

    /** Drops the previous run's schema and sets roles and schema up again with deploy/postgresql-roles.sql. */
    static void resetSchema() throws SQLException, IOException, InterruptedException {
        try (Connection admin = DriverManager.getConnection(url(), adminUser(), adminPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        URI uri = URI.create(url().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        ProcessBuilder psql = new ProcessBuilder(List.of("psql", "-q", "-X", "-h", uri.getHost(),
                "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", adminUser(), "-d", database,
                "-v", "owner_role=" + OWNER_ROLE, "-v", "app_role=" + APP_ROLE, "-v", "schema=" + SCHEMA,
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
            statement.execute("ALTER ROLE " + OWNER_ROLE + " PASSWORD '" + OWNER_PASSWORD + "'");
            statement.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + APP_PASSWORD + "'");
        }
    }

    static Map<String, String> serverEnvironment() {
        return Map.of(
                "CONFIDANT_DB_URL", url(),
                "CONFIDANT_DB_USER", APP_ROLE,
                "CONFIDANT_DB_PASSWORD", APP_PASSWORD,
                "CONFIDANT_DB_OWNER_USER", OWNER_ROLE,
                "CONFIDANT_DB_OWNER_PASSWORD", OWNER_PASSWORD);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
