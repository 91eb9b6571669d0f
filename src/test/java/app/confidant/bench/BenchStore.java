package app.confidant.bench;

import app.confidant.invoice.Party;
import app.confidant.invoice.PartyRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

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

    @Inject
    HsmTime hsmTime;

    /** ANALYZE needs the tables' owner. */
    @Resource(lookup = "jdbc/confidant-owner")
    DataSource owner;

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
        return new Steps(persistNanos.sum(), queryNanos.sum(), fieldsNanos.sum(), hsmTime.total());
    }

    /**
     * Planner statistics for both tables, as autovacuum keeps them in production. Without them the tables that began
     * empty kept plans made for empty tables: in one run every plain load walked the (tenant, e-mail) index through
     * the whole tenant instead of taking the primary key, which made plain reads slower than sealed ones.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void analyze() {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE party");
            statement.execute("ANALYZE bench_plain_party");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyze the benchmark's tables", e);
        }
    }

    /** One trivial query in a transaction of its own: database work to interleave HSM calls with. */
    public void roundTrip() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }

    public String databaseVersion() {
        return String.valueOf(em.createNativeQuery("SELECT current_setting('server_version')").getSingleResult());
    }
}
