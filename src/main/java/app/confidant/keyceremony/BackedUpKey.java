package app.confidant.keyceremony;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A key the restored copy of a backup holds: its check value as the verifier reported it, the live key's (null when
 * the token has no key of that label), and whether they agree (and agree with the registry, for tenants' keys).
 */
@Embeddable
public class BackedUpKey {

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String kcv;

    @Column(name = "live_kcv")
    private String liveKcv;

    @Column(nullable = false)
    private boolean matches;

    protected BackedUpKey() {
        // for JPA
    }

    BackedUpKey(String label, String kcv, String liveKcv, boolean matches) {
        this.label = label;
        this.kcv = kcv;
        this.liveKcv = liveKcv;
        this.matches = matches;
    }

    public String label() {
        return label;
    }

    public String kcv() {
        return kcv;
    }

    public String liveKcv() {
        return liveKcv;
    }

    public boolean matches() {
        return matches;
    }
}
