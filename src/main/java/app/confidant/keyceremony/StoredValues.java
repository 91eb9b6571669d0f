package app.confidant.keyceremony;

import app.confidant.crypto.KeyRegistryException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** How many stored values each data key version of a tenant still protects, counted from the sealed tables. */
@ApplicationScoped
public class StoredValues {

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** Values per key version of the tenant's data key (versions that protect nothing are absent). */
    public Map<Integer, Long> perVersion(UUID tenant) {
        Map<Integer, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (SealedTables.Table table : SealedTables.ALL) {
                try (PreparedStatement select = connection.prepareStatement("SELECT sealed_key_version, COUNT(*) FROM "
                        + table.name() + " WHERE tenant_id = ? GROUP BY sealed_key_version")) {
                    select.setObject(1, tenant);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            counts.merge(row.getInt(1), row.getLong(2), Long::sum);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot count the stored values", e);
        }
        return counts;
    }

    /** Values of the tenant not yet sealed with {@code version}. */
    public long notOn(UUID tenant, int version) {
        return perVersion(tenant).entrySet().stream().filter(e -> e.getKey() != version)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
