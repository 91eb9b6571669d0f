package app.confidant.bench;

import app.confidant.crypto.HsmCounters;

/** HSM operations counted by {@link HsmCounters}: a snapshot, or the difference between two. */
record HsmOps(long seals, long opens, long macs) {

    static final HsmOps NONE = new HsmOps(0, 0, 0);

    static HsmOps now(HsmCounters counters) {
        return new HsmOps(counters.seals(), counters.opens(), counters.macs());
    }

    HsmOps since(HsmOps before) {
        return new HsmOps(seals - before.seals, opens - before.opens, macs - before.macs);
    }

    HsmOps plus(HsmOps other) {
        return new HsmOps(seals + other.seals, opens + other.opens, macs + other.macs);
    }
}
