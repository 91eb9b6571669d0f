package app.confidant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void taxIdsCompareWithoutSeparatorsOrCase() {
        assertThat(Normalizer.TAX_ID.normalize("de 123.456-789/0")).isEqualTo("DE1234567890");
    }

    @Test
    void emailsCompareTrimmedAndLowerCase() {
        assertThat(Normalizer.EMAIL.normalize("  Billing@Example.COM ")).isEqualTo("billing@example.com");
    }

    @Test
    void accountsCompareWithoutSpaces() {
        assertThat(Normalizer.ACCOUNT.normalize("de89 3704 0044")).isEqualTo("DE8937040044");
    }
}
