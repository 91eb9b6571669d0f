package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void anActivationCodeCarries160RandomBitsInTypableGroups() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = Secrets.newActivationCode();
            assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}"); // 32 base32 characters: 160 bits
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void anActivationCodeIsRecognisedWhateverItsCaseSpacesAndDashes() {
        String code = Secrets.newActivationCode();
        String hash = Secrets.activationHash(code);
        assertThat(Secrets.activationHash(code.toLowerCase().replace('-', ' '))).isEqualTo(hash);
        assertThat(Secrets.activationHash(code.replace("-", ""))).isEqualTo(hash);
        assertThat(hash).hasSize(64).doesNotContain(code.replace("-", ""));
        assertThat(Secrets.activationHash(Secrets.newActivationCode())).isNotEqualTo(hash);
    }
}
