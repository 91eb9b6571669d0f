package app.confidant.bench;

import app.confidant.audit.Audited;
import app.confidant.invoice.Party;
import app.confidant.invoice.PartyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The business write of the audit benchmark, twice: with {@code @Audited}, so the application's own
 * {@code AuditInterceptor} appends a chained event in the write's transaction, and without. Both create a sealed
 * party through the real {@link PartyRepository} and flush, as {@code PartyService.create} does (so the party's INSERT
 * runs before the audit append, as in production). A CDI bean of the benchmark's deployment, because the service is
 * an EJB that needs an authenticated caller.
 */
@ApplicationScoped
@Transactional
public class PartyWrites {

    static final String ACTION = "bench.party.create";

    /** Not a bare UUID parameter: the interceptor would take the first UUID argument for the target's id. */
    public record NewParty(UUID tenant, PartyValues values) {
    }

    @Inject
    PartyRepository parties;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    private final LongAdder persistNanos = new LongAdder();
    private final LongAdder flushNanos = new LongAdder();

    /** Variant A. The returned party's {@code id()} becomes the event's target id. */
    @Audited(value = ACTION, target = "party")
    public Party createAudited(NewParty request) {
        return create(request);
    }

    /** Variant B: the identical write, without an audit event. */
    public Party createUnaudited(NewParty request) {
        return create(request);
    }

    private Party create(NewParty request) {
        long start = System.nanoTime();
        Party party = new Party(request.tenant(), "DE", clock.instant());
        request.values().applyTo(party);
        parties.add(party); // @PrePersist seals and blind-indexes here
        long persisted = System.nanoTime();
        parties.flush();
        flushNanos.add(System.nanoTime() - persisted);
        persistNanos.add(persisted - start);
        return party;
    }

    /** Nanoseconds in the two steps of the write, summed over threads: {persist, flush}. */
    @Transactional(TxType.SUPPORTS)
    long[] stepNanos() {
        return new long[] {persistNanos.sum(), flushNanos.sum()};
    }

    /** The benchmark's audit events in the trail, to check that exactly the audited writes left one. */
    public long eventsRecorded() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_event WHERE action = ?1")
                .setParameter(1, ACTION).getSingleResult()).longValue();
    }
}
