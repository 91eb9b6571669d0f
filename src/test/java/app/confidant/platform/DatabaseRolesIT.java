package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations run as the schema owner; requests run as a role that cannot change the schema. */
class DatabaseRolesIT {

    @BeforeAll
    static void start() throws Exception {
        ConfidantServer.shared();
    }

    @Test
    void migrationsRanAsTheSchemaOwner() throws Exception {
        try (Connection owner = TestDatabase.SERVER.connectAsOwner();
             Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = '"
                     + TestDatabase.SERVER.schema() + "' AND tablename = 'flyway_schema_history'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(TestDatabase.SERVER.ownerRole());
        }
    }

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws Exception {
        try (Connection app = TestDatabase.SERVER.connectAsApplication(); Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE " + TestDatabase.SERVER.schema() + ".intruder (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE " + TestDatabase.SERVER.schema() + ".flyway_schema_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }
    }
}
