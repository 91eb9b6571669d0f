package app.confidant.bench;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The baselines the HTTP benchmark switches between at run time, so a variant and its baseline run side by side on
 * one server: sealing passed through (no HSM) and the audit append skipped. Both off by default, so the in-container
 * benchmarks that deploy the same archive measure the real thing.
 */
@ApplicationScoped
public class BenchModes {

    private volatile boolean sealingPassedThrough;
    private volatile boolean auditSkipped;

    public boolean sealingPassedThrough() {
        return sealingPassedThrough;
    }

    public boolean auditSkipped() {
        return auditSkipped;
    }

    void set(boolean passThrough, boolean skipAudit) {
        this.sealingPassedThrough = passThrough;
        this.auditSkipped = skipAudit;
    }
}
