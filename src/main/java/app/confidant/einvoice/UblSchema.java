package app.confidant.einvoice;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The OASIS UBL 2.1 schemas of Invoice and CreditNote (shipped in {@code einvoice/ubl21}), compiled once. The
 * validator loads nothing a document names (no xsi:schemaLocation, no DTD).
 */
final class UblSchema {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final int MAX_ERRORS = 50;

    private static final class Holder {
        static final Schema INVOICE = compile("einvoice/ubl21/maindoc/UBL-Invoice-2.1.xsd");
        static final Schema CREDIT_NOTE = compile("einvoice/ubl21/maindoc/UBL-CreditNote-2.1.xsd");
    }

    private UblSchema() {
    }

    /** Errors of the document against the schema of its root; an unknown root is one error. */
    static List<RuleResult> validate(Document document) {
        String root = document.getDocumentElement().getLocalName();
        String ns = document.getDocumentElement().getNamespaceURI();
        Schema schema;
        if ("Invoice".equals(root) && INVOICE_NS.equals(ns)) {
            schema = Holder.INVOICE;
        } else if ("CreditNote".equals(root) && CREDIT_NOTE_NS.equals(ns)) {
            schema = Holder.CREDIT_NOTE;
        } else {
            return List.of(new RuleResult("UBL-XSD", RuleResult.FATAL, "/",
                    "The root element is not a UBL 2.1 Invoice or CreditNote."));
        }
        List<RuleResult> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collector(errors));
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RuleResult("UBL-XSD", RuleResult.FATAL, null, String.valueOf(e.getMessage())));
            }
        }
        return List.copyOf(errors);
    }

    /** Compiles at class initialisation: call once at start to move the cost out of the first request. */
    static void warmUp() {
        Holder.INVOICE.newValidator();
        Holder.CREDIT_NOTE.newValidator();
    }

    private static ErrorHandler collector(List<RuleResult> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // schema warnings are not findings
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                errors.add(new RuleResult("UBL-XSD", RuleResult.FATAL, null, e.getMessage()));
                if (errors.size() >= MAX_ERRORS) {
                    throw e;
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        };
    }

    private static Schema compile(String resource) {
        URL url = UblSchema.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("UBL schema missing from the class path: " + resource);
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // our own schema modules import each other relatively: inside the WAR they are file: or jar: URLs
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,vfs");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("UBL schema does not compile: " + resource, e);
        }
    }
}
