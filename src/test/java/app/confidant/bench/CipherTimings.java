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
     */
    record Result(int samples, Stats seal, Stats open, Stats mac, Stats entitySeal, Stats entityOpen) {
    }

    public Result measure(UUID tenant, int samples) {
        measureOnce(tenant, Math.min(samples, 1000)); // warm-up: JIT and key handles, discarded
        return measureOnce(tenant, samples);
    }

    private Result measureOnce(UUID tenant, int samples) {
        SealingContext[] contexts = new SealingContext[samples];
        String[] values = new String[samples];
        for (int i = 0; i < samples; i++) {
            contexts[i] = new SealingContext("party", UUID.randomUUID(), tenant);
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
        long[] entitySeal = new long[samples];
        long[] entityOpen = new long[samples];
        for (int i = 0; i < samples; i++) {
            PartyValues party = PartyValues.sample(i);
            Map<String, String> fields = party.asFields();
            long start = System.nanoTime();
            sealed[i] = cipher.seal(contexts[i], fields);
            indexer.index(tenant, Normalizer.TAX_ID, party.taxId());
            indexer.index(tenant, Normalizer.EMAIL, party.email());
            entitySeal[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            cipher.open(contexts[i], sealed[i]);
            entityOpen[i] = System.nanoTime() - start;
        }
        return new Result(samples, Stats.of(seal), Stats.of(open), Stats.of(mac), Stats.of(entitySeal),
                Stats.of(entityOpen));
    }
}
