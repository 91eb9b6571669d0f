package app.confidant.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Test-only: rewrites the sealed rows of a schema the way the releases before the seal sequence stored them, for
 * the upgrade test. Each envelope is opened inside the server's token and sealed again in format 1 (no sequence in
 * the tag) at sequence 0; values that were plain columns then (a party's city and postcode, an invoice's buyer
 * reference and rejection reason, a payment's reference) leave the envelope for their plain column. Runs as its own
 * JVM (SoftHSM2 reads SOFTHSM2_CONF once per process).
 *
 * <p>Arguments: sunpkcs11.cfg, PIN file. Environment: CONFIDANT_SEED_DB_URL, CONFIDANT_SEED_DB_USER,
 * CONFIDANT_SEED_DB_PASSWORD, CONFIDANT_SEED_DB_SCHEMA.
 */
public final class PreviousReleaseRows {

    /** A sealed table: the entity type bound into its seals and the sealed fields that were plain columns then. */
    private record Table(String name, String entityType, Map<String, String> formerlyPlain) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("party", "party", Map.of("city", "city", "postcode", "postcode")),
            new Table("invoice", "invoice", Map.of("buyerReference", "buyer_reference",
                    "rejectionReason", "rejection_reason")),
            new Table("user_account", "user", Map.of()));

    private PreviousReleaseRows() {
    }

    public static void main(String[] args) throws Exception {
        Provider provider = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, Files.readString(Path.of(args[1])).strip().toCharArray());
        Map<String, String> env = System.getenv();
        int rewritten = 0;
        try (Connection db = DriverManager.getConnection(env.get("CONFIDANT_SEED_DB_URL"),
                env.get("CONFIDANT_SEED_DB_USER"), env.get("CONFIDANT_SEED_DB_PASSWORD"))) {
            db.setSchema(env.get("CONFIDANT_SEED_DB_SCHEMA"));
            db.setAutoCommit(false);
            for (Table table : TABLES) {
                rewritten += rewrite(db, table, provider, store);
            }
            db.commit();
        }
        System.out.println("rewritten " + rewritten);
    }

    private static int rewrite(Connection db, Table table, Provider provider, KeyStore store) throws Exception {
        int rows = 0;
        boolean tenanted = !table.name().equals("user_account");
        try (PreparedStatement select = db.prepareStatement("SELECT id, " + (tenanted ? "tenant_id" : "NULL")
                + ", sealed_fields, sealed_seq FROM " + table.name());
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                UUID id = row.getObject(1, UUID.class);
                UUID tenant = tenanted ? row.getObject(2, UUID.class) : new UUID(0L, 1L);
                Envelope envelope = Envelope.parse(row.getBytes(3));
                SecretKey key = (SecretKey) store.getKey(KeyPurpose.SEAL.label(tenant, envelope.keyVersion()), null);
                SealingContext context = new SealingContext(table.entityType(), id, tenant, row.getLong(4));
                Map<String, String> fields = new TreeMap<>(FieldBundle.decode(
                        GcmEngine.open(provider, key, envelope, context)));
                StringBuilder plain = new StringBuilder();
                List<String> plainValues = new java.util.ArrayList<>();
                for (Map.Entry<String, String> moved : table.formerlyPlain().entrySet()) {
                    plain.append(", ").append(moved.getValue()).append(" = ?");
                    plainValues.add(fields.remove(moved.getKey()));
                }
                for (String field : List.copyOf(fields.keySet())) {
                    if (field.startsWith("payment.") && field.endsWith(".reference")) {
                        UUID payment = UUID.fromString(field.substring("payment.".length(), field.length()
                                - ".reference".length()));
                        update(db, "UPDATE payment SET reference = ? WHERE id = ?", fields.remove(field), payment);
                    }
                }
                try (PreparedStatement update = db.prepareStatement("UPDATE " + table.name()
                        + " SET sealed_fields = ?, sealed_seq = 0" + plain + " WHERE id = ?")) {
                    update.setBytes(1, formatOne(provider, key, envelope.keyVersion(), context, fields));
                    for (int i = 0; i < plainValues.size(); i++) {
                        update.setString(2 + i, plainValues.get(i));
                    }
                    update.setObject(2 + plainValues.size(), id);
                    update.executeUpdate();
                }
                rows++;
            }
        }
        return rows;
    }

    /** A format 1 envelope, as sealed before the sequence was bound in: the tag covers no sequence. */
    private static byte[] formatOne(Provider provider, SecretKey key, int version, SealingContext context,
            Map<String, String> fields) throws Exception {
        byte[] iv = new byte[Envelope.IV_BYTES];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, iv));
        cipher.updateAAD(context.at(0).aad(Envelope.FORMAT_V1, version));
        return new Envelope(Envelope.FORMAT_V1, version, iv, cipher.doFinal(FieldBundle.encode(fields))).toBytes();
    }

    private static void update(Connection db, String sql, String value, UUID id) throws Exception {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, value);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }
}
