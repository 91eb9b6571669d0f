package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.Mac;

/** HMAC-SHA256 inside the HSM with a named generic-secret token key (e.g. the audit chain's {@code audit-mac-v1}). */
@ApplicationScoped
public class HsmMac {

    @Inject
    HsmSession session;

    @Inject
    HsmCounters counters;

    public byte[] hmac(String keyLabel, byte[]... parts) {
        try {
            return session.perform("mac", (provider, keys) -> {
                Mac mac = Mac.getInstance("HmacSHA256", provider);
                mac.init(keys.secretKey(keyLabel));
                for (byte[] part : parts) {
                    mac.update(part);
                }
                return mac.doFinal();
            });
        } finally {
            counters.maced();
        }
    }
}
