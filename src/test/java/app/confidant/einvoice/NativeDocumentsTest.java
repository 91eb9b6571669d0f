package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.invoice.TaxCategory;
import org.junit.jupiter.api.Test;

class NativeDocumentsTest {

    @Test
    void categoriesThatNeedAnExemptionReasonGetTheStandardOne() {
        assertThat(NativeDocuments.exemption(TaxCategory.S)).containsExactly(null, null);
        assertThat(NativeDocuments.exemption(TaxCategory.Z)).containsExactly(null, null);
        for (TaxCategory exempt : new TaxCategory[] {TaxCategory.E, TaxCategory.AE, TaxCategory.K, TaxCategory.G,
                TaxCategory.O}) {
            assertThat(NativeDocuments.exemption(exempt)[1]).as(exempt.name()).isNotBlank();
        }
        assertThat(NativeDocuments.exemption(TaxCategory.K)[0]).isEqualTo("VATEX-EU-IC");
    }
}
