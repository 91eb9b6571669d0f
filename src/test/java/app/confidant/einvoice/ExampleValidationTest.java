package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped schemas and rules judge the official examples as their authors do, and catch a broken total. */
class ExampleValidationTest {

    @Test
    void everyOfficialExamplePassesTheSchemaAndTheOfficialRules() {
        for (Path file : Examples.all()) {
            ValidationResponse report = UblValidator.validate(SafeXml.parse(Examples.read(file)));
            assertThat(report.documentType()).isIn("Invoice", "CreditNote");
            assertThat(report.fatalResults()).as(file.getFileName().toString()).isEmpty();
            assertThat(report.valid()).isTrue();
        }
    }

    @Test
    void aMissingNumberAndAWrongTotalAreNamedByTheirRules() {
        String broken = new String(Examples.read(Examples.folder().resolve("ubl-tc434-example1.xml")),
                StandardCharsets.UTF_8).replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "")
                .replaceFirst("(<cbc:PayableAmount currencyID=\"[A-Z]+\">)", "$11");
        ValidationResponse report = UblValidator.validate(SafeXml.parse(broken.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.valid()).isFalse();
        assertThat(report.schemaValid()).isFalse();
        assertThat(report.fatalResults()).extracting(RuleResult::id).contains("UBL-XSD", "BR-02", "BR-CO-16");
        assertThat(report.rules()).contains("1.3.16");
    }

    @Test
    void aDocumentThatIsNotUblIsOneSchemaFinding() {
        ValidationResponse report = UblValidator.validate(SafeXml.parse("<x/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.valid()).isFalse();
        assertThat(report.fatalResults()).extracting(RuleResult::id).containsExactly("UBL-XSD");
    }
}
