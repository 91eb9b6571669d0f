package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The official examples read into the model and written back give valid documents with the same business terms. */
class UblRoundTripTest {

    /** The one value the writer adds: the UBL binding's fixed type code of an invoice line object id (BT-128). */
    private static final String FIXED_CODE = "/Invoice/InvoiceLine/DocumentReference/DocumentTypeCode";

    @Test
    void officialExamplesReadAndWriteBackToValidEquivalentDocuments() {
        assertThat(Examples.all()).hasSizeGreaterThanOrEqualTo(19);
        for (Path file : Examples.all()) {
            String name = file.getFileName().toString();
            Document original = SafeXml.parse(Examples.read(file));
            UblDocument model = UblReader.read(original);
            Document again = SafeXml.parse(UblWriter.write(model));

            assertThat(UblValidator.validate(again).fatalResults()).as(name).isEmpty();
            assertThat(UblReader.read(again)).as(name).isEqualTo(model);
            Map<String, String> diff = BusinessTerms.differences(BusinessTerms.of(original), BusinessTerms.of(again));
            diff.remove(FIXED_CODE);
            assertThat(diff).as(name + ": business terms lost or changed").isEmpty();
        }
    }
}
