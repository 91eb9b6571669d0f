package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Per-tenant, versioned keys: finds the active version (cached), generates version 1 inside the HSM on first need,
 * and counts GCM invocations per key against NIST SP 800-38D's limit of 2^32 random-IV invocations.
 */
@ApplicationScoped
public class DataKeys {

    private static final Logger LOG = Logger.getLogger(DataKeys.class.getName());
    /** Invocations reserved from the registry at a time; a crash can only over-count, never under-count. */
    static final int RESERVATION_BLOCK = 10_000;
    /** Alarm at a quarter of the limit, so a rotation can be scheduled long before it is forced. */
    static final long WARN_AT = 1L << 30;
    /** Refuse new seals a safe distance before 2^32 invocations with random 96-bit IVs. */
    public static final long REFUSE_AT = (1L << 32) - (1L << 24);

    private record Usage(long reservedUpTo, long used) {
    }

    @Inject
    DataKeyStore store;

    @Inject
    HsmKeys hsmKeys;

    /**
     * How long a node trusts its cached active version: another node's activation reaches this one within this
     * time. Values sealed meanwhile with the previous version stay readable and are found by the re-encryption job.
     */
    public static final Duration ACTIVE_TTL = Duration.ofSeconds(10);
    static final long ACTIVE_TTL_NANOS = ACTIVE_TTL.toNanos();

    /** A registry answer and when it was read; trusted for {@link #ACTIVE_TTL}. */
    private record Cached<T>(T value, long loadedAt) {
    }

    private final Map<String, Cached<KeyRef>> active = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<KeyRef>>> usable = new ConcurrentHashMap<>();
    private final Map<String, Cached<KeyRef>> versions = new ConcurrentHashMap<>();

    /** The cached answer while it is younger than the TTL, else a fresh one from the registry. */
    private static <T> T fresh(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
        long now = System.nanoTime();
        Cached<T> current = cache.get(key); // lock-free on the hot path (every seal, open and index)
        if (current != null && now - current.loadedAt() < ACTIVE_TTL_NANOS) {
            return current.value();
        }
        return cache.compute(key, (k, cached) -> cached != null && now - cached.loadedAt() < ACTIVE_TTL_NANOS ? cached
                : new Cached<>(load.get(), now)).value();
    }
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    /** The version new values are sealed (or indexed) with; created inside the HSM if the tenant has none. */
    public KeyRef active(UUID tenant, KeyPurpose purpose) {
        return fresh(active, tenant + "/" + purpose, () -> load(tenant, purpose));
    }

    /**
     * The versions whose output may be stored now: the active one and those still DECRYPT_ONLY, active first. A
     * search computes one blind index per version, so that rows indexed before and after a rotation are both found.
     * Cached like {@link #active}; the cached active version is always included, because this node may still write
     * with it.
     */
    public List<KeyRef> usable(UUID tenant, KeyPurpose purpose) {
        KeyRef current = active(tenant, purpose);
        List<KeyRef> registered = fresh(usable, tenant + "/" + purpose,
                () -> List.copyOf(store.findUsable(tenant, purpose)));
        return searchable(current, registered);
    }

    /** The active version first, then every other ACTIVE or DECRYPT_ONLY version, newest first, each once. */
    static List<KeyRef> searchable(KeyRef active, List<KeyRef> registered) {
        List<KeyRef> versions = new ArrayList<>(List.of(active));
        registered.stream()
                .filter(k -> k.state() == KeyState.ACTIVE || k.state() == KeyState.DECRYPT_ONLY)
                .filter(k -> k.version() != active.version())
                .sorted(Comparator.comparingInt(KeyRef::version).reversed())
                .forEach(versions::add);
        return List.copyOf(versions);
    }

    private KeyRef load(UUID tenant, KeyPurpose purpose) {
        return store.findActive(tenant, purpose).orElseGet(() -> {
            if (store.anyDestroyed(tenant, purpose)) {
                throw new KeyDestroyedException(purpose.label(tenant, 1)); // shredded: never a new key
            }
            return createFirst(tenant, purpose);
        });
    }

    /**
     * A specific version, to open what it sealed; a destroyed version opens nothing. Cached for the same time as the
     * active version, so that a version another node destroyed (a shredding) is refused here within that time.
     */
    public KeyRef version(UUID tenant, KeyPurpose purpose, int version) {
        KeyRef ref = fresh(versions, tenant + "/" + purpose + "/" + version, () -> store.find(tenant, purpose, version)
                .orElseThrow(() -> new SealedValueException("no key version " + version + " for this tenant")));
        if (ref.state() == KeyState.DESTROYED) {
            throw new KeyDestroyedException(ref.label());
        }
        return ref;
    }

    /** Counts one GCM invocation of the key; reserves a new block from the registry when the current one is used. */
    public void countInvocation(KeyRef key) {
        Usage next = usage.compute(key.label(), (label, current) -> {
            if (current == null || current.used() >= current.reservedUpTo()) {
                long reservedUpTo = store.reserveInvocations(label, RESERVATION_BLOCK);
                if (reservedUpTo >= WARN_AT) {
                    LOG.warning(() -> "Key " + label + " has " + reservedUpTo
                            + " GCM invocations reserved; rotate it before 2^32 (NIST SP 800-38D)");
                }
                return new Usage(reservedUpTo, reservedUpTo - RESERVATION_BLOCK + 1);
            }
            return new Usage(current.reservedUpTo(), current.used() + 1);
        });
        if (next.used() >= REFUSE_AT) {
            throw new HsmUnavailableException("key " + key.label() + " reached its GCM invocation limit; rotate it");
        }
    }

    private KeyRef createFirst(UUID tenant, KeyPurpose purpose) {
        try {
            return store.createFirst(tenant, purpose, label -> hsmKeys.generate(label, purpose));
        } catch (RuntimeException raced) {
            // Another node registered the key first (unique key), or creation failed: whoever won is now visible.
            return store.findActive(tenant, purpose).orElseThrow(() -> raced);
        }
    }

    /** Forgets cached versions, e.g. after a rotation changed which one is active. */
    public void forget(UUID tenant) {
        String prefix = tenant + "/";
        active.keySet().removeIf(k -> k.startsWith(prefix));
        usable.keySet().removeIf(k -> k.startsWith(prefix));
        versions.keySet().removeIf(k -> k.startsWith(prefix));
    }

}
