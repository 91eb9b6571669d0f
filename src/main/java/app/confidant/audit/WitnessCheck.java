package app.confidant.audit;

import app.confidant.crypto.HsmSigner;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Checks the database trail against the newest checkpoint in the witness directory: its signature (HSM key), every
 * lane it names still in the database with at least as many rows, the root of those rows equal to the witnessed
 * one, and the database's own checkpoints not older than the witness (a restored older backup).
 */
@ApplicationScoped
@RolesAllowed({"AUDITOR", "SECURITY_ADMIN"})
public class WitnessCheck {

    private static final Pattern CHECKPOINT_KEY = Pattern.compile("audit-checkpoint-v\\d+");

    /** The verdict against the witness; {@code checkpoint} is the file's name, null when none was witnessed. */
    public record WitnessReport(String checkpoint, Long number, Instant time, int lanesChecked, List<String> problems) {
    }

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    @Inject
    Witness witness;

    @Inject
    HsmSigner signer;

    /** The certificate (PEM) of the current checkpoint key, once it exists. */
    public Optional<String> checkpointKey() {
        return signer.existingCertificate(CheckpointWriter.KEY_LABEL).map(Witness::pem);
    }

    public WitnessReport check() {
        List<String> problems = new ArrayList<>();
        if (witness.directory().isEmpty()) {
            return new WitnessReport(null, null, null, 0, List.of("no witness directory is configured"
                    + " (confidant.audit.witness.dir): the trail cannot be checked against anything outside the database"));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor (fetch size) on PostgreSQL
            try {
                Optional<Checkpoint.Signed> stored = newestStored(connection, problems);
                Optional<Witness.Entry> newest;
                try {
                    newest = witness.newest();
                } catch (IllegalArgumentException e) {
                    return new WitnessReport(null, null, null, 0, List.of("the newest witness file is not a signed"
                            + " checkpoint: " + e.getMessage()));
                }
                if (newest.isEmpty()) {
                    stored.ifPresent(s -> problems.add("the witness directory holds no checkpoint, but the database"
                            + " has checkpoint " + s.checkpoint().number() + " (witness directory lost or emptied)"));
                    return new WitnessReport(null, null, null, 0, problems);
                }
                Checkpoint.Signed signed = newest.get().signed();
                Checkpoint checkpoint = signed.checkpoint();
                if (Witness.numberOf(newest.get().file()) != checkpoint.number()) {
                    problems.add("the file's name does not match the checkpoint number " + checkpoint.number());
                }
                signatureProblem(signed).ifPresent(problems::add);
                for (Map.Entry<String, Checkpoint.Lane> lane : checkpoint.lanes().entrySet()) {
                    laneProblem(connection, lane.getKey(), lane.getValue()).ifPresent(problems::add);
                }
                long storedNumber = stored.map(s -> s.checkpoint().number()).orElse(0L);
                if (storedNumber < checkpoint.number()) {
                    problems.add("rollback: the database's newest checkpoint is " + storedNumber
                            + ", older than the witnessed " + checkpoint.number()
                            + " (the database was restored from an older copy, or its checkpoints deleted)");
                } else {
                    storedText(connection, checkpoint.number()).filter(text -> !text.equals(signed.text()))
                            .ifPresent(text -> problems.add("the database's checkpoint " + checkpoint.number()
                                    + " differs from the witnessed one"));
                }
                return new WitnessReport(newest.get().file().getFileName().toString(), checkpoint.number(),
                        checkpoint.time(), checkpoint.lanes().size(), problems);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new AuditUnavailableException("cannot check the trail against the witness: " + e.getMessage(), e);
        }
    }

    private static Optional<Checkpoint.Signed> newestStored(Connection connection, List<String> problems)
            throws SQLException {
        try {
            return CheckpointWriter.newestStored(connection);
        } catch (IllegalArgumentException e) {
            problems.add("the database's newest checkpoint is not a signed checkpoint (edited): " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> signatureProblem(Checkpoint.Signed signed) {
        if (!CHECKPOINT_KEY.matcher(signed.keyLabel()).matches()) {
            return Optional.of("the witnessed checkpoint names key '" + signed.keyLabel().substring(0,
                    Math.min(64, signed.keyLabel().length())) + "', which is not an audit checkpoint key");
        }
        Optional<X509Certificate> certificate = signer.existingCertificate(signed.keyLabel());
        if (certificate.isEmpty()) {
            return Optional.of("the HSM holds no checkpoint key " + signed.keyLabel());
        }
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(certificate.get().getPublicKey());
            signature.update(signed.checkpoint().bodyBytes());
            return signature.verify(signed.signature()) ? Optional.empty()
                    : Optional.of("the witnessed checkpoint's signature is not valid (forged or altered file)");
        } catch (GeneralSecurityException e) {
            return Optional.of("the witnessed checkpoint's signature is not valid (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> laneProblem(Connection connection, String lane, Checkpoint.Lane witnessed)
            throws SQLException {
        MerkleTree.Frontier tree = LaneTrees.recompute(connection, lane, witnessed.size());
        if (tree.size() < witnessed.size()) {
            if (tree.size() == 0 && !hasHead(connection, lane)) {
                return Optional.of("lane " + lane + " is missing: the witness has " + witnessed.size()
                        + " rows, the database none and no chain head (lane deleted)");
            }
            return Optional.of("lane " + lane + ": the witness has " + witnessed.size() + " rows, the database only "
                    + tree.size() + " in sequence (rows deleted or the tail truncated)");
        }
        if (!MessageDigest.isEqual(tree.root(), witnessed.root())) {
            return Optional.of("lane " + lane + ": its first " + witnessed.size()
                    + " rows do not match the witnessed tree (history rewritten)");
        }
        return Optional.empty();
    }

    private static boolean hasHead(Connection connection, String lane) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM audit_chain WHERE node_id = ?")) {
            select.setString(1, lane);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Optional<String> storedText(Connection connection, long number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT text FROM audit_checkpoint WHERE number = ?")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
