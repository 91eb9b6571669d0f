package app.confidant.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Test-only bulk seeding: seals many party rows with a tenant's data key inside the server's own token (the real
 * GCM sealing and envelope code, through SunPKCS11) and inserts them with JDBC batches, far faster than the API.
 * Runs as its own JVM, because SoftHSM2 reads SOFTHSM2_CONF once per process. Prints the SHA-256 of the sorted
 * {@code id=legalName} lines of what it sealed, as the checksum to compare against later. With the count
 * {@code verify} it instead opens every party of the tenant (whatever version sealed it, but the one id given as
 * sixth argument) and prints the checksum of what the values open to.
 *
 * <p>Arguments: sunpkcs11.cfg, PIN file, tenant, key version, count or {@code verify} [id to leave out].
 * Environment: CONFIDANT_SEED_DB_URL, CONFIDANT_SEED_DB_USER, CONFIDANT_SEED_DB_PASSWORD, CONFIDANT_SEED_DB_SCHEMA.
 */
public final class BulkSealer {

    private BulkSealer() {
    }

    public static void main(String[] args) throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, Files.readString(Path.of(args[1])).strip().toCharArray());
        UUID tenant = UUID.fromString(args[2]);
        int version = Integer.parseInt(args[3]);
        Map<UUID, String> sealed = new TreeMap<>();
        Map<String, String> env = System.getenv();
        try (Connection db = DriverManager.getConnection(env.get("CONFIDANT_SEED_DB_URL"),
                env.get("CONFIDANT_SEED_DB_USER"), env.get("CONFIDANT_SEED_DB_PASSWORD"))) {
            db.setSchema(env.get("CONFIDANT_SEED_DB_SCHEMA"));
            if (args[4].equals("verify")) {
                Map<UUID, String> opened = openAll(db, provider, store, tenant);
                if (args.length > 5) {
                    opened.remove(UUID.fromString(args[5]));
                }
                System.out.println("checksum " + checksum(opened) + " values " + opened.size());
                return;
            }
            int count = Integer.parseInt(args[4]);
            SecretKey key = (SecretKey) store.getKey(KeyPurpose.SEAL.label(tenant, version), null);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO party (id, tenant_id, row_version,"
                    + " country, sealed_fields, sealed_key_version, sealed_seq, created_at, updated_at)"
                    + " VALUES (?, ?, 1, 'DE', ?, ?, 1, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    String name = "Kill-9 party " + i;
                    byte[] plaintext = FieldBundle.encode(Map.of("legalName", name, "city", "Seedville"));
                    insert.setObject(1, id);
                    insert.setObject(2, tenant);
                    insert.setBytes(3, GcmEngine.seal(provider, key, version, new SealingContext("party", id, tenant,
                            1), plaintext));
                    insert.setInt(4, version);
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    sealed.put(id, name);
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        System.out.println("checksum " + checksum(sealed));
    }

    private static Map<UUID, String> openAll(Connection db, Provider provider, KeyStore store, UUID tenant)
            throws Exception {
        Map<UUID, String> opened = new TreeMap<>();
        Map<Integer, SecretKey> keys = new java.util.HashMap<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT id, sealed_fields, sealed_seq FROM party WHERE tenant_id = ?")) {
            select.setObject(1, tenant);
            try (java.sql.ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    Envelope envelope = Envelope.parse(row.getBytes(2));
                    SecretKey key = keys.computeIfAbsent(envelope.keyVersion(), v -> {
                        try {
                            return (SecretKey) store.getKey(KeyPurpose.SEAL.label(tenant, v), null);
                        } catch (java.security.GeneralSecurityException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    opened.put(id, FieldBundle.decode(GcmEngine.open(provider, key, envelope,
                            new SealingContext("party", id, tenant, row.getLong(3)))).get("legalName"));
                }
            }
        }
        return opened;
    }

    /** SHA-256 over {@code id=value\n} lines in id order. */
    public static String checksum(Map<UUID, String> values) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        new TreeMap<>(values).forEach((id, value) -> digest.update((id + "=" + value + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
