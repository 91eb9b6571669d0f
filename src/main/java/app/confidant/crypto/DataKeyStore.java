package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The {@code data_key} registry: which key versions exist for which tenant, their state and check value. It holds
 * labels and metadata only; the keys themselves exist only inside the HSM. Every method runs outside the caller's
 * transaction, because it is called while an entity is being flushed.
 */
@ApplicationScoped
public class DataKeyStore {

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<KeyRef> findActive(UUID tenant, KeyPurpose purpose) {
        return query("SELECT version, label, state FROM data_key WHERE tenant_id = ? AND purpose = ? AND state = 'ACTIVE'",
                tenant, purpose, null);
    }

    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<KeyRef> find(UUID tenant, KeyPurpose purpose, int version) {
        return query("SELECT version, label, state FROM data_key WHERE tenant_id = ? AND purpose = ? AND version = ?",
                tenant, purpose, version);
    }

    /** The versions that may still be in use for stored values: ACTIVE and DECRYPT_ONLY, newest first. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<KeyRef> findUsable(UUID tenant, KeyPurpose purpose) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version, label, state FROM data_key"
                     + " WHERE tenant_id = ? AND purpose = ? AND state IN ('ACTIVE', 'DECRYPT_ONLY')"
                     + " ORDER BY version DESC")) {
            select.setObject(1, tenant);
            select.setString(2, purpose.name());
            List<KeyRef> usable = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    usable.add(new KeyRef(tenant, purpose, row.getInt(1), row.getString(2),
                            KeyState.valueOf(row.getString(3))));
                }
            }
            return usable;
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the key registry", e);
        }
    }

    /** Whether any version of the tenant's key was destroyed: a shredded tenant never gets a new key. */
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean anyDestroyed(UUID tenant, KeyPurpose purpose) {
        return query("SELECT version, label, state FROM data_key WHERE tenant_id = ? AND purpose = ?"
                + " AND state = 'DESTROYED' ORDER BY version FETCH FIRST 1 ROWS ONLY", tenant, purpose, null).isPresent();
    }

    /**
     * Registers version 1 of a tenant's key and has {@code generate} create it inside the HSM, in one transaction of
     * its own. The row is inserted first: a second node that races for the same tenant blocks on the primary key
     * until this commits, then fails and reads the winner's key, so one label never names two keys.
     *
     * @param generate creates the key in the token under the label and returns its key check value (hex)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public KeyRef createFirst(UUID tenant, KeyPurpose purpose, Function<String, String> generate) {
        String label = purpose.label(tenant, 1);
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO data_key (tenant_id, purpose, version, label, state, kcv, created_at, activated_at,"
                            + " invocations_reserved) VALUES (?, ?, 1, ?, 'ACTIVE', 'pending', ?, ?, 0)")) {
                insert.setObject(1, tenant);
                insert.setString(2, purpose.name());
                insert.setString(3, label);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            String kcv = generate.apply(label);
            try (PreparedStatement update = connection.prepareStatement("UPDATE data_key SET kcv = ? WHERE label = ?")) {
                update.setString(1, kcv);
                update.setString(2, label);
                update.executeUpdate();
            }
            return new KeyRef(tenant, purpose, 1, label, KeyState.ACTIVE);
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot register key " + label, e);
        }
    }

    /** Reserves the next {@code block} GCM invocations of a key and returns the new total reserved. */
    @Transactional(TxType.REQUIRES_NEW)
    public long reserveInvocations(String label, int block) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE data_key SET invocations_reserved = invocations_reserved + ? WHERE label = ?")) {
                update.setInt(1, block);
                update.setString(2, label);
                if (update.executeUpdate() != 1) {
                    throw new KeyRegistryException("no key registered as " + label, null);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT invocations_reserved FROM data_key WHERE label = ?")) {
                select.setString(1, label);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot reserve invocations of " + label, e);
        }
    }

    private Optional<KeyRef> query(String sql, UUID tenant, KeyPurpose purpose, Integer version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, tenant);
            select.setString(2, purpose.name());
            if (version != null) {
                select.setInt(3, version);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KeyRef(tenant, purpose, row.getInt(1), row.getString(2),
                        KeyState.valueOf(row.getString(3))));
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the key registry", e);
        }
    }
}
