package app.confidant.einvoice;

import java.util.List;
import org.w3c.dom.Document;

/** Validation of one parsed document: the UBL 2.1 schema, then the EN 16931 rules. */
final class UblValidator {

    private UblValidator() {
    }

    static ValidationResponse validate(Document document) {
        List<RuleResult> schema = UblSchema.validate(document);
        String root = document.getDocumentElement().getLocalName();
        boolean ubl = UblSchema.INVOICE_NS.equals(document.getDocumentElement().getNamespaceURI())
                || UblSchema.CREDIT_NOTE_NS.equals(document.getDocumentElement().getNamespaceURI());
        List<RuleResult> rules = ubl ? BusinessRules.check(document) : List.of();
        return ValidationResponse.of(root, schema, rules);
    }

    /** A valid document, or 422 with every fatal finding. */
    static Document requireValid(Document document) {
        ValidationResponse report = validate(document);
        if (!report.valid()) {
            throw new EInvoiceException(422, "einvoice-invalid", "The document fails " + report.fatal()
                    + " UBL schema or EN 16931 rule(s); see failures.", report.fatalResults());
        }
        return document;
    }
}
