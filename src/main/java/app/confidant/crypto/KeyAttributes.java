package app.confidant.crypto;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads every key's CKA_SENSITIVE and CKA_EXTRACTABLE live from the token, for the security self-audit. SunPKCS11
 * fetches both attributes with C_GetAttributeValue whenever it loads a key object and shows them (only) in the key's
 * description, "…, sensitive, unextractable)"; a description without both words counts as unreadable, never as
 * safe.
 */
@ApplicationScoped
public class KeyAttributes {

    /**
     * One key object as the token reports it; {@code sensitive}/{@code extractable} null when unreadable;
     * {@code activatedAt} and {@code state} from the data-key registry, null for keys it does not list (health, audit).
     */
    public record TokenKey(String label, String algorithm, Boolean sensitive, Boolean extractable, Instant activatedAt,
            String state) {

        public boolean safe() {
            return Boolean.TRUE.equals(sensitive) && Boolean.FALSE.equals(extractable);
        }
    }

    record Registered(Instant activatedAt, String state) {
    }

    @Inject
    HsmSession session;

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    /** Throws {@link HsmUnavailableException} when the token cannot be reached. */
    public List<TokenKey> read() {
        Map<String, Key> keys = session.perform((provider, token) -> token.freshKeys());
        Map<String, Registered> registry = registry();
        List<TokenKey> result = new ArrayList<>();
        keys.forEach((label, key) -> result.add(describe(label, key, registry.get(label))));
        return result;
    }

    private Map<String, Registered> registry() {
        Map<String, Registered> registry = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT label, COALESCE(activated_at, created_at), state FROM data_key");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                registry.put(rows.getString(1), new Registered(rows.getTimestamp(2).toInstant(), rows.getString(3)));
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the data-key registry", e);
        }
        return registry;
    }

    static TokenKey describe(String label, Key key, Registered registered) {
        Instant activated = registered == null ? null : registered.activatedAt();
        String state = registered == null ? null : registered.state();
        if (key == null) {
            return new TokenKey(label, "?", null, null, activated, state);
        }
        String text = key.toString();
        Boolean sensitive = text.contains(", not sensitive") ? Boolean.FALSE
                : text.contains(", sensitive") ? Boolean.TRUE : null;
        Boolean extractable = text.contains(", unextractable") ? Boolean.FALSE
                : text.contains(", extractable") ? Boolean.TRUE : null;
        return new TokenKey(label, key.getAlgorithm(), sensitive, extractable, activated, state);
    }
}
