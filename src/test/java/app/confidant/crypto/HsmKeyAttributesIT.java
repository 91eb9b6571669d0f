package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.confidant.crypto.TokenInspector.KeyObject;
import app.confidant.platform.ConfidantServer;
import app.confidant.platform.InContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every key in the token is sensitive and never extractable, read through PKCS#11 rather than taken on trust. */
class HsmKeyAttributesIT {

    @Test
    void everyKeyInTheServersTokenIsSensitiveAndNeverExtractable() throws Exception {
        Path state = ConfidantServer.shared().state();
        List<KeyObject> keys = TokenInspector.secretKeys(state.resolve("hsm"), state.resolve("secrets/confidant.hsm.pin"));

        assertThat(keys).extracting(KeyObject::label).contains("health", "audit-mac-v1");
        assertThat(keys).allSatisfy(key -> {
            assertThat(key.sensitive()).as("%s is sensitive (%s)", key.label(), key.access()).isTrue();
            assertThat(key.neverExtractable()).as("%s is never extractable (%s)", key.label(), key.access()).isTrue();
        });
        assertThat(keys).filteredOn(k -> k.label().equals("audit-mac-v1"))
                .singleElement().extracting(KeyObject::type).asString().startsWith("Generic secret");
    }

    @Test
    void theJvmGetsHandlesButNeverKeyMaterial() throws Exception {
        // Through SunPKCS11 in this JVM, whose SOFTHSM2_CONF (pom.xml) names the in-container server's token.
        InContainer.prepare();
        Path home = ConfidantServer.basedir().resolve("target/it/arq");
        Provider provider = Security.getProvider("SunPKCS11").configure(home.resolve("hsm/sunpkcs11.cfg").toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, Files.readString(home.resolve("secrets/confidant.hsm.pin")).strip().toCharArray());

        List<String> labels = Collections.list(store.aliases());
        assertThat(labels).contains("health", "audit-mac-v1");
        for (String label : labels) {
            Key key = store.getKey(label, null);
            assertThat(key.getEncoded()).as("raw bytes of %s", label).isNull();
            assertThat(key.toString()).as(label).contains("sensitive, unextractable");
        }
    }

    @Test
    void exportingAKeyThroughPkcs11IsRefused() throws Exception {
        Path state = ConfidantServer.shared().state();
        assertThatThrownBy(() -> TokenInspector.pkcs11Tool(state.resolve("hsm"), state.resolve("secrets/confidant.hsm.pin"),
                "--read-object", "--type", "secrkey", "--label", "health"))
                .hasMessageContaining("failed");
    }

    @Test
    void theInspectionDetectsAnExtractableKey() throws Exception {
        Path scratch = Path.of("target", "it", "scratch-token").toAbsolutePath();
        if (Files.exists(scratch)) {
            try (var paths = Files.walk(scratch)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path pin = TokenInspector.setUp(ConfidantServer.basedir(), scratch);
        TokenInspector.pkcs11Tool(scratch, pin, "--keygen", "--key-type", "AES:32", "--label", "leaky", "--extractable");

        List<KeyObject> keys = TokenInspector.secretKeys(scratch, pin);
        KeyObject leaky = keys.stream().filter(k -> "leaky".equals(k.label())).findFirst().orElseThrow();
        assertThat(leaky.neverExtractable()).isFalse();
        assertThat(leaky.sensitive()).isFalse();
        assertThat(keys).filteredOn(k -> k.label().equals("health")).singleElement()
                .satisfies(k -> assertThat(k.sensitive() && k.neverExtractable()).isTrue());
    }
}
