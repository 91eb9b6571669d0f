package app.confidant.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL database of the integration tests ({@code ./confidant test} passes its URL and user): a schema of
 * their own, dropped and re-created once per run, so each run starts from an empty database and Flyway migrates it.
 */
public final class TestDatabase {

    public static final String SCHEMA = "confidant_it";

    private TestDatabase() {
    }

    static String url() {
        return System.getProperty("confidant.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String user() {
        return System.getProperty("confidant.test.db.user", "postgres");
    }

    static String password() {
        String password = System.getenv("CONFIDANT_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    /** A raw JDBC connection to the test schema, as the database owner. */
    public static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url(), user(), password());
        connection.setSchema(SCHEMA);
        return connection;
    }

    static void resetSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    static Map<String, String> serverEnvironment() {
        String separator = url().contains("?") ? "&" : "?";
        return Map.of(
                "CONFIDANT_DB_URL", url() + separator + "currentSchema=" + SCHEMA,
                "CONFIDANT_DB_USER", user(),
                "CONFIDANT_DB_PASSWORD", password());
    }
}
