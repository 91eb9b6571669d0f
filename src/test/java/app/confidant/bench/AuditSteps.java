package app.confidant.bench;

/**
 * Nanoseconds in the steps of the audit benchmark's writes, summed over threads: a snapshot, or the difference
 * between two.
 *
 * @param call    each write as its caller sees it: the whole transaction, interceptors included
 * @param persist new party, values, {@code persist}: {@code @PrePersist} seals and blind-indexes in the HSM here
 * @param flush   the party's INSERT
 * @param hsm     inside all HSM operations of the writes (sealing, blind indexes and, when audited, the MACs)
 * @param appends inside {@code AuditLog.append} (audited writes only)
 */
record AuditSteps(long call, long persist, long flush, long hsm, AuditTime.Appends appends) {

    AuditSteps since(AuditSteps before) {
        return new AuditSteps(call - before.call, persist - before.persist, flush - before.flush,
                hsm - before.hsm, appends.since(before.appends));
    }
}
