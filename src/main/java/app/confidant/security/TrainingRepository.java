package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Training modules and attestations. */
@ApplicationScoped
public class TrainingRepository {

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    public Optional<TrainingModule> module(UUID id) {
        return Optional.ofNullable(em.find(TrainingModule.class, id));
    }

    public boolean titleTaken(String title) {
        return !em.createQuery("SELECT m.id FROM TrainingModule m WHERE m.title = :title", UUID.class)
                .setParameter("title", title).setMaxResults(1).getResultList().isEmpty();
    }

    public List<TrainingModule> modules() {
        return em.createQuery("SELECT m FROM TrainingModule m ORDER BY m.title", TrainingModule.class)
                .getResultList();
    }

    public List<TrainingAttestation> attestationsOf(UUID userId) {
        return em.createQuery("SELECT a FROM TrainingAttestation a WHERE a.userId = :user", TrainingAttestation.class)
                .setParameter("user", userId).getResultList();
    }

    public List<TrainingAttestation> allAttestations() {
        return em.createQuery("SELECT a FROM TrainingAttestation a", TrainingAttestation.class).getResultList();
    }

}
