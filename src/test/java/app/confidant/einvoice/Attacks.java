package app.confidant.einvoice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Hostile XML: an external entity pointing at a file, a billion laughs, an oversized and a too deep document. */
final class Attacks {

    private static final String INVOICE_OPEN = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
            + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">";

    private Attacks() {
    }

    static byte[] externalEntity(Path file) {
        return ("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY leak SYSTEM \"" + file.toUri() + "\">]>"
                + INVOICE_OPEN + "<cbc:ID>&leak;</cbc:ID><cbc:Note>&leak;</cbc:Note></Invoice>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").append(INVOICE_OPEN).append("<cbc:Note>&lol9;</cbc:Note></Invoice>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] oversized() {
        String note = "<cbc:Note>" + "x".repeat(1000) + "</cbc:Note>";
        return (INVOICE_OPEN + note.repeat(SafeXml.MAX_BYTES / 1000) + "</Invoice>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tooDeep() {
        int depth = SafeXml.MAX_DEPTH + 10;
        return (INVOICE_OPEN + "<cbc:Note>".repeat(depth) + "</cbc:Note>".repeat(depth) + "</Invoice>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
