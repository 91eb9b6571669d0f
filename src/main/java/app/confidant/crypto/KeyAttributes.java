package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Every key of the token with its attributes read live ({@link HsmKeys#inventory()}, the same reading as the key
 * inventory), next to its activation date and state from the data-key registry: the security self-audit's view.
 */
@ApplicationScoped
public class KeyAttributes {

    /**
     * A key as the token reports it; {@code activatedAt}, {@code state} and {@code tenant} null for keys the registry
     * does not list.
     */
    public record Reading(TokenKey key, Instant activatedAt, String state, UUID tenant) {

        public String label() {
            return key.label();
        }

        public boolean safe() {
            return key.safe();
        }
    }

    private record Registered(Instant activatedAt, String state, UUID tenant) {
    }

    @Inject
    HsmKeys hsmKeys;

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** Throws {@link HsmUnavailableException} when the token cannot be reached. */
    public List<Reading> read() {
        List<TokenKey> keys = hsmKeys.inventory();
        Map<String, Registered> registry = registry();
        return keys.stream().map(key -> {
            Registered registered = registry.get(key.label());
            return registered == null ? new Reading(key, null, null, null)
                    : new Reading(key, registered.activatedAt(), registered.state(), registered.tenant());
        }).toList();
    }

    private Map<String, Registered> registry() {
        Map<String, Registered> registry = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT label, COALESCE(activated_at, created_at), state, tenant_id FROM data_key");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                registry.put(rows.getString(1), new Registered(rows.getTimestamp(2).toInstant(), rows.getString(3),
                        rows.getObject(4, UUID.class)));
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the data-key registry", e);
        }
        return registry;
    }
}
