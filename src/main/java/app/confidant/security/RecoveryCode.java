package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A single-use MFA recovery code, kept as the SHA-256 of the random code. */
@Entity
@Table(name = "recovery_code")
@IdClass(RecoveryCode.Key.class)
public class RecoveryCode {

    /** Composite key (user, code hash). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID userId;
        private String codeHash;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(codeHash, k.codeHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, codeHash);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    RecoveryCode(UUID userId, String codeHash) {
        this.userId = userId;
        this.codeHash = codeHash;
    }

    boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }
}
