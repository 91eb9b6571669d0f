package app.confidant.keyceremony;

import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.KeyRegistryException;
import app.confidant.crypto.SealingContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Benchmark deployment only: opens every stored value of a tenant in the HSM (with whichever version sealed it) and
 * digests what they open to, so that a rotation can be shown to have changed no value. Pages through each table by
 * id, so memory does not grow with the number of values.
 */
@ApplicationScoped
public class OpenedValues {

    private static final int PAGE = 1000;

    /** SHA-256 over {@code table/id/fields} in table and id order, and how many values went into it. */
    public record Digest(String sha256, long values) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    public Digest digest(UUID tenant) {
        MessageDigest digest = sha256();
        long values = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (SealedTables.Table table : SealedTables.ALL) {
                UUID last = null;
                int page;
                do {
                    page = 0;
                    try (PreparedStatement select = connection.prepareStatement("SELECT " + table.idColumn()
                            + ", sealed_fields, sealed_seq FROM " + table.name() + " WHERE tenant_id = ?"
                            + (last == null ? "" : " AND " + table.idColumn() + " > ?") + " ORDER BY "
                            + table.idColumn() + " FETCH FIRST " + PAGE + " ROWS ONLY")) {
                        select.setObject(1, tenant);
                        if (last != null) {
                            select.setObject(2, last);
                        }
                        try (ResultSet row = select.executeQuery()) {
                            while (row.next()) {
                                last = row.getObject(1, UUID.class);
                                Map<String, String> fields = cipher.open(
                                        new SealingContext(table.entityType(), last, tenant, row.getLong(3)),
                                        row.getBytes(2));
                                digest.update((table.name() + "/" + last + "/" + new TreeMap<>(fields) + "\n")
                                        .getBytes(StandardCharsets.UTF_8));
                                page++;
                            }
                        }
                    }
                    values += page;
                } while (page == PAGE);
            }
        } catch (SQLException e) {
            throw new KeyRegistryException("cannot read the stored values", e);
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), values);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
