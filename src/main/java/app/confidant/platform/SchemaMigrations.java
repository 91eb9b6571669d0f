package app.confidant.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the Flyway migrations in {@code db/migration} at start. If a migration fails, readiness stays DOWN with
 * the reason and the {@code database} readiness check retries it, so a transient failure heals without a restart.
 * (A database that is unreachable while the application deploys fails the deployment; readiness is DOWN then too.)
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // internal: called by the container at start and by the readiness check, never by a request
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** The schema owner's pool: only migrations run with DDL rights; requests use {@link #dataSource}. */
    @Resource(lookup = "jdbc/confidant-owner")
    DataSource ownerDataSource;

    private String failure = "not migrated yet";

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // lifecycle callbacks need their own attribute
    void migrateAtStart() {
        migrate();
    }

    /** Runs pending migrations if an earlier attempt failed; returns why the schema is not current, if it is not. */
    @Lock(LockType.WRITE)
    public Optional<String> ensureMigrated() {
        if (failure != null) {
            migrate();
        }
        return Optional.ofNullable(failure);
    }

    @Lock(LockType.READ)
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * {@code appRole}: the role requests run as, so that migrations can grant to it or take rights back from it;
     * {@code binary}: the variable-length binary type (PostgreSQL BYTEA, H2 VARBINARY).
     */
    private Map<String, String> placeholders() {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            return Map.of("appRole", connection.getMetaData().getUserName(),
                    "binary", postgres ? "BYTEA" : "VARBINARY");
        } catch (SQLException e) {
            throw new FlywayException("cannot connect as the application role: " + e.getMessage(), e);
        }
    }

    /**
     * The audit trail is append-only for the application: on PostgreSQL with separate owner and application roles
     * the owner takes UPDATE, DELETE and TRUNCATE on audit_event back from the application role (idempotent).
     */
    private void takeBackAuditRights() {
        try (Connection app = dataSource.getConnection(); Connection owner = ownerDataSource.getConnection()) {
            String appRole = app.getMetaData().getUserName();
            boolean postgres = owner.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres && !appRole.equals(owner.getMetaData().getUserName())) {
                try (var revoke = owner.createStatement()) {
                    revoke.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM \"" + appRole.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot make the audit trail append-only: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        try {
            var result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(ownerDataSource)
                    .locations("classpath:db/migration")
                    .placeholders(placeholders())
                    .load()
                    .migrate();
            takeBackAuditRights();
            failure = null;
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
        } catch (FlywayException e) {
            failure = "schema migration failed: " + e.getMessage();
            LOG.severe(() -> "Database not ready: " + failure
                    + "; check the jdbc/confidant pool (server-config/) and the database");
        }
    }
}
