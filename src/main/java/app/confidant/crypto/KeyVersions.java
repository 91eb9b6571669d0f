package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The life cycle of key versions, for key ceremonies: generate (PRE_ACTIVATION), activate (the previous ACTIVE
 * becomes DECRYPT_ONLY), retire, destroy, shred. Registry changes join the caller's transaction; the HSM object is
 * destroyed last, so a refused registry change destroys nothing.
 */
@ApplicationScoped
public class KeyVersions {

    private static final String COLUMNS = "tenant_id, purpose, version, label, state, kcv, created_at, activated_at,"
            + " retired_at, destroyed_at, invocations_reserved";

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    HsmKeys hsmKeys;

    @Inject
    DataKeys dataKeys;

    @Inject
    Clock clock;

    @Transactional
    public List<RegisteredKey> all() {
        return select("SELECT " + COLUMNS + " FROM data_key ORDER BY tenant_id, purpose, version", null, null);
    }

    @Transactional
    public List<RegisteredKey> of(UUID tenant, KeyPurpose purpose) {
        return select("SELECT " + COLUMNS + " FROM data_key WHERE tenant_id = ? AND purpose = ? ORDER BY version",
                tenant, purpose);
    }

    /** Generates the next version inside the HSM, registered as PRE_ACTIVATION: it seals nothing yet. */
    @Transactional
    public RegisteredKey generate(UUID tenant, KeyPurpose purpose) {
        List<RegisteredKey> existing = of(tenant, purpose);
        if (!existing.isEmpty() && existing.stream().allMatch(k -> k.state() == KeyState.DESTROYED)) {
            throw new KeyLifecycleException("the tenant's keys were shredded; it gets no new key");
        }
        if (existing.stream().anyMatch(k -> k.state() == KeyState.PRE_ACTIVATION)) {
            throw new KeyLifecycleException("a generated version awaits activation already");
        }
        int version = existing.stream().mapToInt(RegisteredKey::version).max().orElse(0) + 1;
        String label = purpose.label(tenant, version);
        String kcv = hsmKeys.generate(label, purpose);
        update("INSERT INTO data_key (tenant_id, purpose, version, label, state, kcv, created_at, invocations_reserved)"
                + " VALUES (?, ?, ?, ?, 'PRE_ACTIVATION', ?, ?, 0)", tenant, purpose.name(), version, label, kcv, now());
        return find(tenant, purpose, version);
    }

    /** Makes the version the one new values use; the previous active version only opens from now on. */
    @Transactional
    public RegisteredKey activate(UUID tenant, KeyPurpose purpose, int version) {
        RegisteredKey key = require(tenant, purpose, version, KeyState.PRE_ACTIVATION);
        update("UPDATE data_key SET state = 'DECRYPT_ONLY' WHERE tenant_id = ? AND purpose = ? AND state = 'ACTIVE'",
                tenant, purpose.name());
        update("UPDATE data_key SET state = 'ACTIVE', activated_at = ? WHERE label = ?", now(), key.label());
        forgetNowAndAfterCommit(tenant);
        return find(tenant, purpose, version);
    }

    /** The caller has established that no stored value uses the version any more. */
    @Transactional
    public RegisteredKey retire(UUID tenant, KeyPurpose purpose, int version) {
        RegisteredKey key = require(tenant, purpose, version, KeyState.DECRYPT_ONLY);
        update("UPDATE data_key SET state = 'RETIRED', retired_at = ? WHERE label = ?", now(), key.label());
        forgetNowAndAfterCommit(tenant);
        return find(tenant, purpose, version);
    }

    @Transactional
    public RegisteredKey destroy(UUID tenant, KeyPurpose purpose, int version) {
        RegisteredKey key = require(tenant, purpose, version, KeyState.RETIRED);
        markDestroyed(key);
        return find(tenant, purpose, version);
    }

    /** Crypto-shredding: every version of both of the tenant's keys is destroyed in the HSM. */
    @Transactional
    public List<RegisteredKey> shred(UUID tenant) {
        List<RegisteredKey> destroyed = new ArrayList<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            for (RegisteredKey key : of(tenant, purpose)) {
                if (key.state() != KeyState.DESTROYED) {
                    markDestroyed(key);
                    destroyed.add(key);
                }
            }
        }
        return destroyed;
    }

    private void markDestroyed(RegisteredKey key) {
        update("UPDATE data_key SET state = 'DESTROYED', destroyed_at = ? WHERE label = ?", now(), key.label());
        forgetNowAndAfterCommit(key.tenant());
        hsmKeys.destroy(key.label());
    }

    /**
     * A seal running concurrently may re-read the registry before this transaction commits and cache the old state
     * again, so the cache is cleared once more when the transaction has completed.
     */
    private void forgetNowAndAfterCommit(UUID tenant) {
        dataKeys.forget(tenant);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                dataKeys.forget(tenant);
            }
        });
    }

    private RegisteredKey require(UUID tenant, KeyPurpose purpose, int version, KeyState expected) {
        RegisteredKey key = find(tenant, purpose, version);
        if (key == null) {
            throw new KeyLifecycleException("no version " + version + " of that key");
        }
        if (key.state() != expected) {
            throw new KeyLifecycleException("version " + version + " is " + key.state() + ", not " + expected);
        }
        return key;
    }

    private RegisteredKey find(UUID tenant, KeyPurpose purpose, int version) {
        return of(tenant, purpose).stream().filter(k -> k.version() == version).findFirst().orElse(null);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot change the key registry", e);
        }
    }

    private List<RegisteredKey> select(String sql, UUID tenant, KeyPurpose purpose) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (tenant != null) {
                select.setObject(1, tenant);
                select.setString(2, purpose.name());
            }
            List<RegisteredKey> keys = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(new RegisteredKey(row.getObject(1, UUID.class), KeyPurpose.valueOf(row.getString(2)),
                            row.getInt(3), row.getString(4), KeyState.valueOf(row.getString(5)), row.getString(6),
                            instant(row.getTimestamp(7)), instant(row.getTimestamp(8)), instant(row.getTimestamp(9)),
                            instant(row.getTimestamp(10)), row.getLong(11)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the key registry", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
