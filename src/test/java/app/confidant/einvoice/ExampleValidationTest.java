package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleValidationTest {

    @Test
    void officialExamplesAreJudgedByTheOfficialRules() {
        for (Path file : Examples.all()) {
            ValidationResponse report = UblValidator.validate(SafeXml.parse(Examples.read(file)));
            System.out.println(file.getFileName() + " valid=" + report.valid() + " xsd=" + report.schemaValid()
                    + " fatal=" + report.fatalResults().stream().map(r -> r.id()).toList() + " warnings=" + report.warnings());
            assertThat(report.documentType()).isIn("Invoice", "CreditNote");
        }
    }
}
