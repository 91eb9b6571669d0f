package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void ibanShowsCountryAndLastFourOnly() {
        assertThat(Masks.iban("DE89 3704 0044 0532 0130 00")).isEqualTo("DE** **** **** **** **30 00");
        assertThat(Masks.iban("de89370400440532013000")).doesNotContain("3704");
        assertThat(Masks.iban("DE12")).isEqualTo(Masks.HIDDEN);
        assertThat(Masks.iban(null)).isNull();
    }

    @Test
    void emailShowsFirstLetterAndDomain() {
        assertThat(Masks.email(" jane.doe@example.com ")).isEqualTo("j***@example.com");
        assertThat(Masks.email("@example.com")).isEqualTo(Masks.HIDDEN);
    }
}
