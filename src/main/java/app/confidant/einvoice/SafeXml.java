package app.confidant.einvoice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way a document from outside is parsed. A DOCTYPE is refused outright (so no external entity, no DTD
 * fetch and no entity expansion — XXE and billion laughs both end there), nothing is fetched from a file or URL,
 * the size is capped while reading (5 MB) and so are element depth and attribute counts. Uses the JDK's own
 * parser ({@code newDefaultInstance}), whatever the application server puts on the class path.
 */
final class SafeXml {

    /** Largest document accepted, in bytes. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most of an oversized body read (and dropped) before the refusal; a larger one just loses its connection. */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;
    /** Deepest element nesting accepted; UBL invoices need about 8. */
    static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    /** Reads at most {@link #MAX_BYTES} (one more byte is a refusal, whatever Content-Length said). */
    static byte[] readLimited(InputStream in) {
        if (in == null) {
            throw new EInvoiceException(400, "empty-document", "The request has no document.");
        }
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                discard(in);
                throw tooLarge();
            }
            if (bytes.length == 0) {
                throw new EInvoiceException(400, "empty-document", "The request has no document.");
            }
            return bytes;
        } catch (IOException e) {
            throw new EInvoiceException(400, "unreadable-document", "The document could not be read.");
        }
    }

    /**
     * Reads and drops what is left of an oversized body (at most {@link #DRAIN_LIMIT} bytes, never kept), so that
     * the client still reads its 413 instead of a connection closed under its upload.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long dropped = 0;
        for (int n = in.read(buffer); n > 0 && dropped < DRAIN_LIMIT; n = in.read(buffer)) {
            dropped += n;
        }
    }

    static EInvoiceException tooLarge() {
        return new EInvoiceException(413, "document-too-large",
                "The document is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
    }

    static Document parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(RAISE);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external resources are not loaded");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw refusal(e);
        } catch (SAXException | IOException e) {
            throw new EInvoiceException(400, "malformed-xml", "The document is not well-formed XML.");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    private static EInvoiceException refusal(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return new EInvoiceException(400, "doctype-refused",
                    "Documents with a DOCTYPE (DTDs, entities) are refused: UBL needs none.");
        }
        if (message.contains("maxElementDepth") || message.contains("limit")) {
            return new EInvoiceException(400, "xml-limit-exceeded",
                    "The document exceeds a parser limit (element depth " + MAX_DEPTH + ", attributes, names).");
        }
        return new EInvoiceException(400, "malformed-xml", "The document is not well-formed XML (line "
                + e.getLineNumber() + ", column " + e.getColumnNumber() + ").");
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        f.setAttribute("jdk.xml.entityExpansionLimit", "64");
        f.setAttribute("jdk.xml.elementAttributeLimit", "100");
        return f;
    }

    private static final ErrorHandler RAISE = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not refuse a document
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
