package app.confidant.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    @Test
    void externalEntityIsRefusedAndTheFileNeverAppears(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-7f3a9c");
        assertThatThrownBy(() -> SafeXml.parse(Attacks.externalEntity(secret)))
                .isInstanceOfSatisfying(EInvoiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("doctype-refused");
                    assertThat(e.getMessage()).doesNotContain("CANARY");
                });
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        assertThatThrownBy(() -> SafeXml.parse(Attacks.billionLaughs()))
                .isInstanceOfSatisfying(EInvoiceException.class, e -> assertThat(e.code()).isEqualTo("doctype-refused"));
    }

    @Test
    void anOversizedDocumentIsRefusedWhileReading() {
        assertThatThrownBy(() -> SafeXml.readLimited(new ByteArrayInputStream(Attacks.oversized())))
                .isInstanceOfSatisfying(EInvoiceException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void aTooDeepDocumentIsRefused() {
        assertThatThrownBy(() -> SafeXml.parse(Attacks.tooDeep()))
                .isInstanceOfSatisfying(EInvoiceException.class, e -> assertThat(e.code()).isEqualTo("xml-limit-exceeded"));
    }

    @Test
    void malformedXmlIsA400() {
        assertThatThrownBy(() -> SafeXml.parse("<Invoice><unclosed></Invoice>".getBytes()))
                .isInstanceOfSatisfying(EInvoiceException.class, e -> assertThat(e.code()).isEqualTo("malformed-xml"));
    }

    @Test
    void anOfficialExampleParses() {
        assertThat(SafeXml.parse(Examples.read(Examples.all().get(0))).getDocumentElement().getLocalName())
                .isEqualTo("Invoice");
    }
}
