package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens the sensitive fields of one entity with one AES-256-GCM operation inside the HSM, using the
 * tenant's data key. Opening verifies the tag over the ciphertext and the {@link SealingContext}: a value from
 * another row, entity type or tenant, an older envelope of the same row, or one with a byte changed, fails and never
 * yields plaintext.
 */
@ApplicationScoped
public class FieldCipher {

    @Inject
    HsmSession session;

    @Inject
    DataKeys keys;

    @Inject
    HsmCounters counters;

    public byte[] seal(SealingContext context, Map<String, String> fields) {
        return sealWith(keys.active(context.tenant(), KeyPurpose.SEAL), context, fields);
    }

    private byte[] sealWith(KeyRef key, SealingContext context, Map<String, String> fields) {
        keys.countInvocation(key);
        byte[] plaintext = FieldBundle.encode(fields);
        try {
            return session.perform("seal", (provider, token) ->
                    GcmEngine.seal(provider, token.secretKey(key.label()), key.version(), context, plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            counters.sealed();
        }
    }

    public Map<String, String> open(SealingContext context, byte[] stored) {
        Envelope envelope = Envelope.parse(stored);
        envelope.requireFormatOf(context);
        KeyRef key = keys.version(context.tenant(), KeyPurpose.SEAL, envelope.keyVersion());
        byte[] plaintext;
        try {
            plaintext = session.perform("open", (provider, token) ->
                    GcmEngine.open(provider, token.secretKey(key.label()), envelope, context));
        } catch (HsmIntegrityException e) {
            if (e.getCause() instanceof AEADBadTagException) {
                throw new SealedValueException("sealed value failed its integrity check (altered or moved)", e);
            }
            throw e;
        } finally {
            counters.opened();
        }
        try {
            return FieldBundle.decode(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Re-encryption for a key rotation: opens the value with the version that sealed it and seals it again with the
     * target version (named, not looked up as "active", so no cache can make it seal with the old one), both inside
     * the HSM; the opened fields live only for this call. The new envelope is bound to the row's next sequence
     * ({@code context.next()}), which the caller stores with it.
     */
    public byte[] reseal(SealingContext context, byte[] stored, int targetVersion) {
        KeyRef target = keys.version(context.tenant(), KeyPurpose.SEAL, targetVersion);
        if (target.state() != KeyState.ACTIVE) {
            throw new KeyLifecycleException("version " + targetVersion + " is " + target.state() + ", not ACTIVE");
        }
        return sealWith(target, context.next(), open(context, stored));
    }

    /** The key version a stored value was sealed with, read from its envelope without opening it. */
    public int keyVersionOf(byte[] stored) {
        return Envelope.keyVersionOf(stored);
    }
}
