package app.confidant.bench;

import app.confidant.crypto.BlindIndexer;
import app.confidant.crypto.FieldCipher;
import app.confidant.crypto.Normalizer;
import app.confidant.crypto.SealingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Times single HSM operations through the application's own {@link FieldCipher} and {@link BlindIndexer}, one call
 * at a time, without a database: the cost of sealing itself, against which the entity figures can be read.
 */
@ApplicationScoped
public class CipherTimings {

    /** The size of a typical single sensitive value (a name, an address line). */
    static final int VALUE_BYTES = 64;

    @Inject
    FieldCipher cipher;

    @Inject
    BlindIndexer indexer;

    @Inject
    BenchStore store;

    /** Median and 90th percentile of one kind of call, in microseconds. */
    record Stats(double medianMicros, double p90Micros) {

        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.9)] / 1e3);
        }
    }

    /**
     * @param seal       seal of one 64-byte value
     * @param open       open of it
     * @param mac        one blind index (HMAC-SHA256 in the HSM)
     * @param entitySeal what the entity listener does for one party: seal all 8 fields, index tax id and e-mail
     * @param entityOpen what reading a loaded party costs: open all 8 fields
     * @param entitySealAfterDatabase {@code entitySeal}, each call right after a database round trip (untimed), as
     *                   it runs inside a transaction: shows what interleaving with database work does to HSM calls
     * @param entityOpenAfterDatabase the same for {@code entityOpen}
     */
    record Result(int samples, Stats seal, Stats open, Stats mac, Stats entitySeal, Stats entityOpen,
                  Stats entitySealAfterDatabase, Stats entityOpenAfterDatabase) {
    }

    public Result measure(UUID tenant, int samples) {
        measureOnce(tenant, Math.min(samples, 1000)); // warm-up: JIT and key handles, discarded
        return measureOnce(tenant, samples);
    }

    private Result measureOnce(UUID tenant, int samples) {
        SealingContext[] contexts = new SealingContext[samples];
        String[] values = new String[samples];
        for (int i = 0; i < samples; i++) {
            contexts[i] = new SealingContext("party", UUID.randomUUID(), tenant, 1);
            values[i] = String.format("%-" + VALUE_BYTES + "s", "Nordwind Logistik GmbH & Co. KG, Referenz " + i);
        }
        long[] seal = new long[samples];
        long[] open = new long[samples];
        long[] mac = new long[samples];
        byte[][] sealed = new byte[samples][];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            sealed[i] = cipher.seal(contexts[i], Map.of("notes", values[i]));
            seal[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            cipher.open(contexts[i], sealed[i]);
            open[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            indexer.index(tenant, Normalizer.EMAIL, values[i]);
            mac[i] = System.nanoTime() - start;
        }
        long[] entitySeal = entityWork(tenant, contexts, sealed, false);
        long[] entityOpen = entityOpen(contexts, sealed, false);
        long[] entitySealAfterDatabase = entityWork(tenant, contexts, sealed, true);
        long[] entityOpenAfterDatabase = entityOpen(contexts, sealed, true);
        return new Result(samples, Stats.of(seal), Stats.of(open), Stats.of(mac), Stats.of(entitySeal),
                Stats.of(entityOpen), Stats.of(entitySealAfterDatabase), Stats.of(entityOpenAfterDatabase));
    }

    /** What the entity listener does for one party; the envelopes are left in {@code sealed}. */
    private long[] entityWork(UUID tenant, SealingContext[] contexts, byte[][] sealed, boolean afterDatabase) {
        long[] nanos = new long[contexts.length];
        for (int i = 0; i < contexts.length; i++) {
            PartyValues party = PartyValues.sample(i);
            Map<String, String> fields = party.asFields();
            if (afterDatabase) {
                store.roundTrip();
            }
            long start = System.nanoTime();
            sealed[i] = cipher.seal(contexts[i], fields);
            indexer.index(tenant, Normalizer.TAX_ID, party.taxId());
            indexer.index(tenant, Normalizer.EMAIL, party.email());
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private long[] entityOpen(SealingContext[] contexts, byte[][] sealed, boolean afterDatabase) {
        long[] nanos = new long[contexts.length];
        for (int i = 0; i < contexts.length; i++) {
            if (afterDatabase) {
                store.roundTrip();
            }
            long start = System.nanoTime();
            cipher.open(contexts[i], sealed[i]);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
