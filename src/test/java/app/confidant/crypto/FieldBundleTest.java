package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldBundleTest {

    @Test
    void fieldsRoundTripIncludingNullsEmptyAndNonAscii() {
        Map<String, String> fields = new HashMap<>();
        fields.put("legalName", "Müller & Söhne GmbH — 東京");
        fields.put("notes", null);
        fields.put("phone", "");
        fields.put("addressLines", "line 1\nline 2");

        assertThat(FieldBundle.decode(FieldBundle.encode(fields))).isEqualTo(fields);
    }

    @Test
    void encodingDoesNotDependOnMapOrder() {
        assertThat(FieldBundle.encode(Map.of("a", "1", "b", "2", "c", "3")))
                .isEqualTo(FieldBundle.encode(new java.util.TreeMap<>(Map.of("c", "3", "b", "2", "a", "1"))));
    }

    @Test
    void malformedBundlesAreRefused() {
        byte[] encoded = FieldBundle.encode(Map.of("taxId", "DE123"));
        assertThatThrownBy(() -> FieldBundle.decode(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> FieldBundle.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(SealedValueException.class);
    }
}
