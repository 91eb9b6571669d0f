package app.confidant.invoice;

import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.Normalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys for creating requests, kept for 24 hours. The key is recorded in the creating transaction: a
 * concurrent retry with the same key blocks on the primary key until the first commits, then fails and finds the
 * first result.
 *
 * <p>The request is remembered only by a keyed fingerprint: HMAC-SHA256 in the HSM with the tenant's blind-index
 * key over the request's canonical JSON (properties in lexicographic order, nulls written). Without the HSM a stored
 * fingerprint cannot be tested against guessed IBANs or tax ids, and crypto-shredding the tenant makes its
 * fingerprints meaningless like its blind indexes. A retry is compared under every usable key version, so a
 * rotation does not turn a retry into a second resource.
 */
@ApplicationScoped
public class Idempotency {

    /** What an Idempotency-Key header may hold: printable ASCII, no spaces (both creating resources use it). */
    static final String KEY_PATTERN = "[\\x21-\\x7e]+";
    /** How long a key is remembered: a retry after that creates anew (as with the common payment APIs). */
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Jsonb CANONICAL_JSON = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL).withNullValues(true));

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Inject
    BlindIndexer fingerprints;

    @Inject
    Clock clock;

    /** A previous result for this key, if any and not expired; a different request under the same key is refused. */
    Optional<UUID> previous(UUID tenant, UUID caller, String key, String resource, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        IdempotencyKey found = em.find(IdempotencyKey.class, new IdempotencyKey.Key(tenant, caller, key));
        if (found != null && found.expiredAt(clock.instant(), LIFETIME)) {
            em.refresh(found, LockModeType.PESSIMISTIC_WRITE); // one renewal at a time (see record)
        }
        if (found == null || found.expiredAt(clock.instant(), LIFETIME)) {
            return Optional.empty();
        }
        String canonical = canonical(resource, request);
        boolean same = found.resource().equals(resource) && fingerprints.candidates(tenant, Normalizer.CANONICAL,
                canonical).stream().map(HexFormat.of()::formatHex).anyMatch(found.requestHash()::equals);
        if (!same) {
            throw new InvoiceException(422, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.");
        }
        return Optional.of(found.resourceId());
    }

    void record(UUID tenant, UUID caller, String key, String resource, Object request, UUID resourceId) {
        if (key == null) {
            return;
        }
        String fingerprint = HexFormat.of().formatHex(fingerprints.index(tenant, Normalizer.CANONICAL,
                canonical(resource, request)));
        IdempotencyKey.Key id = new IdempotencyKey.Key(tenant, caller, key);
        IdempotencyKey existing = em.find(IdempotencyKey.class, id);
        if (existing == null) {
            em.persist(new IdempotencyKey(id, fingerprint, resource, resourceId, clock.instant()));
            return;
        }
        // Found here but not by previous(): a concurrent request with this key committed in between. Renewing it
        // would point the key at a second resource; only an expired record is renewed, under its row lock.
        em.refresh(existing, LockModeType.PESSIMISTIC_WRITE);
        if (!existing.expiredAt(clock.instant(), LIFETIME)) {
            throw inUse();
        }
        existing.renew(fingerprint, resource, resourceId, clock.instant());
    }

    /**
     * Flushes the creating transaction; with a key, a failure there is (almost surely) a concurrent request with the
     * same key that committed first, which the client should simply retry to get its result.
     */
    static void flush(Runnable flush, String key) {
        try {
            flush.run();
        } catch (jakarta.persistence.PersistenceException e) {
            if (key == null) {
                throw e;
            }
            throw inUse();
        }
    }

    private static InvoiceException inUse() {
        return new InvoiceException(409, "idempotency-key-in-use",
                "A request with this Idempotency-Key is being processed; retry to get its result.");
    }

    /** The resource and the request as canonical JSON: one spelling per request, whatever its toString() shows. */
    static String canonical(String resource, Object request) {
        return resource + "\n" + CANONICAL_JSON.toJson(request);
    }
}
