package app.confidant.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check "database": the schema is migrated and a pooled connection answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        Optional<String> notMigrated = migrations.ensureMigrated();
        if (notMigrated.isPresent()) {
            return down(notMigrated.get());
        }
        try (Connection connection = migrations.dataSource().getConnection()) {
            if (!connection.isValid(2)) {
                return down("connection not valid");
            }
            return HealthCheckResponse.named("database").up()
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return down(e.getMessage());
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("database").down().withData("reason", String.valueOf(reason)).build();
    }
}
