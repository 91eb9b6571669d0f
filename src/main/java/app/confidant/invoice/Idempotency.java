package app.confidant.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import jakarta.inject.Inject;

/**
 * Idempotency keys for creating requests. The key is recorded in the creating transaction: a concurrent retry
 * with the same key blocks on the primary key until the first commits, then fails and finds the first result.
 */
@ApplicationScoped
public class Idempotency {

    /** What an Idempotency-Key header may hold: printable ASCII, no spaces (both creating resources use it). */
    static final String KEY_PATTERN = "[\\x21-\\x7e]+";

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Inject
    Clock clock;

    /** A previous result for this key, if any; a different request under the same key is refused. */
    Optional<UUID> previous(UUID tenant, UUID caller, String key, String resource, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        IdempotencyKey found = em.find(IdempotencyKey.class, new IdempotencyKey.Key(tenant, caller, key));
        if (found == null) {
            return Optional.empty();
        }
        if (!found.resource().equals(resource) || !found.requestHash().equals(hash(request))) {
            throw new InvoiceException(422, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.");
        }
        return Optional.of(found.resourceId());
    }

    void record(UUID tenant, UUID caller, String key, String resource, Object request, UUID resourceId) {
        if (key != null) {
            em.persist(new IdempotencyKey(new IdempotencyKey.Key(tenant, caller, key), hash(request), resource,
                    resourceId, clock.instant()));
        }
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
            throw new InvoiceException(409, "idempotency-key-in-use",
                    "A request with this Idempotency-Key is being processed; retry to get its result.");
        }
    }

    /** Records hash to compare requests: their canonical string form (records print every component). */
    private static String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
