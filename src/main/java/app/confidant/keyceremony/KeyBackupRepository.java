package app.confidant.keyceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Recorded token backups, newest first; never changed once recorded. */
@ApplicationScoped
public class KeyBackupRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    void add(KeyBackup backup) {
        em.persist(backup);
        em.flush();
    }

    List<KeyBackup> newest(int limit) {
        return em.createQuery("SELECT b FROM KeyBackup b ORDER BY b.recordedAt DESC", KeyBackup.class)
                .setMaxResults(limit).getResultList();
    }
}
