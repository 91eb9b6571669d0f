package app.confidant.einvoice;

import java.io.InputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.w3c.dom.Document;

/**
 * The official EN 16931 business rules for UBL (CEN/TC 434 validation artefacts, compiled schematron in XSLT 2.0,
 * shipped in {@code einvoice/en16931}), run with Saxon-HE. Compiled once per process and shared: an
 * {@link XsltExecutable} is thread-safe, each run gets its own transformer. Saxon may open no file or URL.
 */
final class BusinessRules {

    /** Origin and version of the shipped rules (see einvoice/en16931/README.md). */
    static final String VERSION = "EN16931-UBL 1.3.16 (CEN/TC 434 validation artefacts, 2026-03-30)";
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private static final class Holder {
        static final Processor PROCESSOR = new Processor(false);
        static final XsltExecutable RULES = compile();
    }

    private BusinessRules() {
    }

    /** Every failed assertion and successful report, in document order. */
    static List<RuleResult> check(Document document) {
        try {
            Xslt30Transformer transformer = Holder.RULES.load30();
            XdmNode source = Holder.PROCESSOR.newDocumentBuilder().build(new DOMSource(document));
            XdmDestination svrl = new XdmDestination();
            transformer.applyTemplates(source, svrl);
            return findings(svrl.getXdmNode());
        } catch (SaxonApiException e) {
            throw new EInvoiceException(422, "rules-not-applicable",
                    "The EN 16931 rules could not be applied to the document.");
        }
    }

    static void warmUp() {
        Holder.RULES.getUnderlyingCompiledStylesheet();
    }

    private static List<RuleResult> findings(XdmNode svrl) throws SaxonApiException {
        XPathCompiler xpath = Holder.PROCESSOR.newXPathCompiler();
        xpath.declareNamespace("svrl", SVRL);
        XPathSelector select = xpath.compile("//svrl:failed-assert | //svrl:successful-report").load();
        select.setContextItem(svrl);
        List<RuleResult> results = new ArrayList<>();
        for (XdmItem item : select) {
            XdmNode node = (XdmNode) item;
            String flag = node.getAttributeValue(new QName("flag"));
            results.add(new RuleResult(node.getAttributeValue(new QName("id")), flag == null ? RuleResult.FATAL : flag,
                    node.getAttributeValue(new QName("location")), text(xpath, node)));
        }
        return List.copyOf(results);
    }

    private static String text(XPathCompiler xpath, XdmNode failure) throws SaxonApiException {
        return xpath.evaluateSingle("normalize-space(svrl:text)", failure).getStringValue();
    }

    private static XsltExecutable compile() {
        Processor processor = Holder.PROCESSOR;
        processor.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        try (InputStream xslt = BusinessRules.class.getClassLoader()
                .getResourceAsStream("einvoice/en16931/EN16931-UBL-validation.xslt")) {
            if (xslt == null) {
                throw new IllegalStateException("EN 16931 rules missing from the class path");
            }
            return processor.newXsltCompiler().compile(new StreamSource(xslt, "classpath:einvoice/en16931/"));
        } catch (IOException | SaxonApiException e) {
            throw new IllegalStateException("EN 16931 rules do not compile", e);
        }
    }
}
