package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users, memberships, tokens and recovery codes. */
@ApplicationScoped
public class IdentityRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    /**
     * Writes pending inserts now. Memberships, tokens and codes refer to users by id only (no JPA relationship), so
     * a new user must reach the database before rows that reference it.
     */
    public void flush() {
        em.flush();
    }

    public Optional<UserAccount> user(UUID id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    /** The user row locked for update: concurrent logins count failures and TOTP steps one at a time. */
    public Optional<UserAccount> userForUpdate(String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name", UserAccount.class)
                .setParameter("name", username).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public Optional<UserAccount> userForUpdate(UUID id) {
        return Optional.ofNullable(em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public long userCount() {
        return em.createQuery("SELECT count(u) FROM UserAccount u", Long.class).getSingleResult();
    }

    public List<Membership> memberships(UUID userId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.userId = :user ORDER BY m.tenantId, m.role",
                Membership.class).setParameter("user", userId).getResultList();
    }

    public List<Membership> allMemberships() {
        return em.createQuery("SELECT m FROM Membership m ORDER BY m.userId, m.tenantId, m.role", Membership.class)
                .getResultList();
    }

    /** People of a tenant: created in it, or holding a role in it. */
    public List<UserAccount> membersOf(UUID tenantId) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.homeTenantId = :tenant OR u.id IN"
                        + " (SELECT m.userId FROM Membership m WHERE m.tenantId = :tenant) ORDER BY u.username",
                UserAccount.class).setParameter("tenant", tenantId).getResultList();
    }

    /** Whether a tenant's security administrators may manage the user: created in the tenant or holding a role there. */
    public boolean memberOf(UUID userId, UUID tenantId) {
        return em.createQuery("SELECT count(u) FROM UserAccount u WHERE u.id = :user AND (u.homeTenantId = :tenant"
                        + " OR u.id IN (SELECT m.userId FROM Membership m WHERE m.tenantId = :tenant))", Long.class)
                .setParameter("user", userId).setParameter("tenant", tenantId).getSingleResult() > 0;
    }

    public List<Membership> membershipsIn(UUID tenantId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.tenantId = :tenant ORDER BY m.userId, m.role",
                Membership.class).setParameter("tenant", tenantId).getResultList();
    }

    public Optional<Membership> membership(UUID userId, UUID tenantId, String role) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.userId = :user AND m.tenantId = :tenant"
                        + " AND m.role = :role", Membership.class)
                .setParameter("user", userId).setParameter("tenant", tenantId).setParameter("role", role)
                .getResultStream().findFirst();
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public Optional<AccessToken> token(byte[] hash) {
        return Optional.ofNullable(em.find(AccessToken.class, hash));
    }

    public List<AccessToken> tokensOf(UUID userId) {
        return em.createQuery("SELECT t FROM AccessToken t WHERE t.userId = :user", AccessToken.class)
                .setParameter("user", userId).getResultList();
    }

    public Optional<RecoveryCode> recoveryCode(UUID userId, String codeHash) {
        return em.createQuery("SELECT r FROM RecoveryCode r WHERE r.userId = :user AND r.codeHash = :hash",
                        RecoveryCode.class)
                .setParameter("user", userId).setParameter("hash", codeHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public void removeRecoveryCodes(UUID userId) {
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.userId = :user").setParameter("user", userId)
                .executeUpdate();
    }
}
