package app.confidant.bench;

/**
 * Nanoseconds spent inside the steps of the benchmark's transactions, summed: a snapshot, or the difference between
 * two. What a transaction took beyond its steps is the transaction itself (begin, flush, INSERT, commit).
 *
 * @param persist new entity, values set, {@code persist}: for a sealed party this includes {@code @PrePersist}, i.e.
 *                the seal and the blind indexes
 * @param query   the load by tenant and id, including {@code @PostLoad} (which opens nothing yet)
 * @param fields  reading the eight fields: for a sealed party the first read opens the envelope in the HSM
 * @param hsm     inside HSM operations ({@link HsmTimingExtension}): part of {@code persist} when writing, of
 *                {@code fields} when reading
 */
record Steps(long persist, long query, long fields, long hsm) {

    Steps since(Steps before) {
        return new Steps(persist - before.persist, query - before.query, fields - before.fields, hsm - before.hsm);
    }
}
