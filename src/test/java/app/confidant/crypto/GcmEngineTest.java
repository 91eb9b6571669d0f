package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** The envelope and its AAD binding, with a software key (the integration tests use the HSM). */
class GcmEngineTest {

    private static final Provider SOFTWARE = Security.getProvider("SunJCE");
    private final SecretKey key = aesKey();
    private final SealingContext context = new SealingContext("party", UUID.randomUUID(), UUID.randomUUID(), 1);

    @Test
    void sealedValueOpensInItsOwnContext() throws Exception {
        byte[] sealed = GcmEngine.seal(SOFTWARE, key, 3, context, bytes("IBAN DE89"));

        Envelope envelope = Envelope.parse(sealed);
        assertThat(envelope.format()).isEqualTo(Envelope.FORMAT_V2);
        assertThat(envelope.keyVersion()).isEqualTo(3);
        assertThat(sealed).hasSize(1 + 4 + 12 + 9 + 16);
        assertThat(GcmEngine.open(SOFTWARE, key, envelope, context)).isEqualTo(bytes("IBAN DE89"));
    }

    @Test
    void everySealUsesAFreshIv() throws Exception {
        byte[] first = GcmEngine.seal(SOFTWARE, key, 1, context, bytes("same"));
        byte[] second = GcmEngine.seal(SOFTWARE, key, 1, context, bytes("same"));

        assertThat(Envelope.parse(first).iv()).isNotEqualTo(Envelope.parse(second).iv());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anotherRowEntityTypeTenantOrKeyVersionDoesNotOpen() throws Exception {
        byte[] sealed = GcmEngine.seal(SOFTWARE, key, 1, context, bytes("secret"));
        Envelope envelope = Envelope.parse(sealed);

        for (SealingContext other : new SealingContext[] {
                new SealingContext("party", UUID.randomUUID(), context.tenant(), 1),
                new SealingContext("invoice", context.entityId(), context.tenant(), 1),
                new SealingContext("party", context.entityId(), UUID.randomUUID(), 1),
                context.next()}) {
            assertThatThrownBy(() -> GcmEngine.open(SOFTWARE, key, envelope, other))
                    .isInstanceOf(AEADBadTagException.class);
        }
        Envelope relabelled = new Envelope(envelope.format(), 2, envelope.iv(), envelope.ciphertext());
        assertThatThrownBy(() -> GcmEngine.open(SOFTWARE, key, relabelled, context))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void anEnvelopeOpensOnlyAtTheSealSequenceItWasSealedAt() throws Exception {
        SealingContext third = context.at(3);
        Envelope sealed = Envelope.parse(GcmEngine.seal(SOFTWARE, key, 1, third, bytes("IBAN at seal 3")));

        assertThat(GcmEngine.open(SOFTWARE, key, sealed, third)).isEqualTo(bytes("IBAN at seal 3"));
        for (long other : new long[] {1, 2, 4}) {
            assertThatThrownBy(() -> GcmEngine.open(SOFTWARE, key, sealed, context.at(other)))
                    .as("sequence %d", other).isInstanceOf(AEADBadTagException.class);
        }
        assertThatThrownBy(() -> GcmEngine.seal(SOFTWARE, key, 1, context.at(0), bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFormatOneEnvelopeBelongsOnlyToARowNeverSealedSince() throws Exception {
        Envelope formatOne = new Envelope(Envelope.FORMAT_V1, 1, new byte[12], new byte[32]);
        Envelope formatTwo = Envelope.parse(GcmEngine.seal(SOFTWARE, key, 1, context, bytes("x")));

        formatOne.requireFormatOf(context.at(0));
        formatTwo.requireFormatOf(context.at(7));
        assertThatThrownBy(() -> formatOne.requireFormatOf(context.at(1))).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> formatTwo.requireFormatOf(context.at(0))).isInstanceOf(SealedValueException.class);
        assertThat(new String(context.at(0).aad(Envelope.FORMAT_V1, 1), StandardCharsets.UTF_8)).doesNotContain("|s");
        assertThat(new String(context.at(5).aad(Envelope.FORMAT_V2, 1), StandardCharsets.UTF_8)).endsWith("|k1|s5");
    }

    @Test
    void aFlippedByteAnywhereFailsTheTag() throws Exception {
        byte[] sealed = GcmEngine.seal(SOFTWARE, key, 1, context, bytes("secret value"));
        for (int i = 5; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x40;
            assertThatThrownBy(() -> GcmEngine.open(SOFTWARE, key, Envelope.parse(flipped), context))
                    .as("byte %d", i).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void truncatedOrUnknownEnvelopesAreRefused() {
        assertThatThrownBy(() -> Envelope.parse(new byte[10])).isInstanceOf(SealedValueException.class);
        byte[] unknownFormat = new byte[40];
        unknownFormat[0] = 9;
        assertThatThrownBy(() -> Envelope.parse(unknownFormat)).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("format 9");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey aesKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", SOFTWARE);
            generator.init(256);
            return generator.generateKey();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
