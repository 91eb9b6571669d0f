package app.confidant.keyceremony;

import app.confidant.crypto.KeyPurpose;
import app.confidant.crypto.KeyRegistryException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How many stored values each key version of a tenant still protects: sealed values per data key version, blind
 * indexes (party rows) per blind-index key version. Also which {@link RotationWork} moves them to a new version.
 */
@ApplicationScoped
public class StoredValues {

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    Resealing resealing;

    @Inject
    Reindexing reindexing;

    RotationWork work(KeyPurpose purpose) {
        return switch (purpose) {
            case SEAL -> resealing;
            case BLIND_INDEX -> reindexing;
        };
    }

    /** Values per version of the tenant's key of that purpose (versions that protect nothing are absent). */
    public Map<Integer, Long> perVersion(UUID tenant, KeyPurpose purpose) {
        try (Connection connection = dataSource.getConnection()) {
            return work(purpose).perVersion(connection, tenant);
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot count the stored values", e);
        }
    }

    /** Values of the tenant not yet on {@code version} of the key of that purpose. */
    public long notOn(UUID tenant, KeyPurpose purpose, int version) {
        return perVersion(tenant, purpose).entrySet().stream().filter(e -> e.getKey() != version)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
