package app.confidant.bench;

import app.confidant.invoice.Party;
import app.confidant.invoice.PartyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each call is one transaction, as a service call would be. The sealed side goes through the real
 * {@link PartyRepository} (entity listener, HSM); the plain side does the same with {@link PlainParty}. The time of
 * each step inside the transaction is summed into {@link #steps()}, so the report can say where the time goes.
 */
@ApplicationScoped
@Transactional
public class BenchStore {

    @Inject
    PartyRepository parties;

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Inject
    Clock clock;

    private final LongAdder persistNanos = new LongAdder();
    private final LongAdder queryNanos = new LongAdder();
    private final LongAdder fieldsNanos = new LongAdder();

    public UUID writeSealed(UUID tenant, PartyValues values) {
        long start = System.nanoTime();
        Party party = new Party(tenant, "DE", clock.instant());
        values.applyTo(party);
        parties.add(party); // JPA calls @PrePersist here, not at flush: the seal happens inside this step
        persistNanos.add(System.nanoTime() - start);
        return party.id();
    }

    public UUID writePlain(UUID tenant, PartyValues values) {
        long start = System.nanoTime();
        PlainParty party = new PlainParty(tenant, values, clock.instant());
        em.persist(party);
        persistNanos.add(System.nanoTime() - start);
        return party.id();
    }

    public PartyValues readSealed(UUID tenant, UUID id) {
        long start = System.nanoTime();
        Party party = parties.find(tenant, id).orElseThrow();
        long loaded = System.nanoTime();
        PartyValues values = PartyValues.of(party);
        fieldsNanos.add(System.nanoTime() - loaded);
        queryNanos.add(loaded - start);
        return values;
    }

    /** The same query shape as {@link PartyRepository#find}, so both sides pay the same JPQL cost. */
    public PartyValues readPlain(UUID tenant, UUID id) {
        long start = System.nanoTime();
        PlainParty party = em.createQuery("SELECT p FROM PlainParty p WHERE p.tenantId = :tenant AND p.id = :id",
                        PlainParty.class)
                .setParameter("tenant", tenant).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow();
        long loaded = System.nanoTime();
        PartyValues values = party.values();
        fieldsNanos.add(System.nanoTime() - loaded);
        queryNanos.add(loaded - start);
        return values;
    }

    public Steps steps() {
        return new Steps(persistNanos.sum(), queryNanos.sum(), fieldsNanos.sum());
    }

    public String databaseVersion() {
        return String.valueOf(em.createNativeQuery("SELECT current_setting('server_version')").getSingleResult());
    }
}
