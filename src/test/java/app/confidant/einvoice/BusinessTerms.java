package app.confidant.einvoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every value of a UBL document as (path, value) pairs — element paths without positions, numbers compared by
 * value (100.00 = 100) — so that two documents can be compared in their business terms, not their bytes.
 */
final class BusinessTerms {

    private BusinessTerms() {
    }

    static Map<String, List<String>> of(Document document) {
        Map<String, List<String>> terms = new TreeMap<>();
        collect(document.getDocumentElement(), "", terms);
        terms.values().forEach(values -> values.sort(null));
        return terms;
    }

    /** The paths whose values differ, each with what the first and the second document hold. */
    static Map<String, String> differences(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, String> diff = new TreeMap<>();
        java.util.Set<String> paths = new java.util.TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            List<String> x = a.getOrDefault(path, List.of());
            List<String> y = b.getOrDefault(path, List.of());
            if (!x.equals(y)) {
                diff.put(path, x + " -> " + y);
            }
        }
        return diff;
    }

    private static void collect(Element e, String parent, Map<String, List<String>> terms) {
        String path = parent + "/" + e.getLocalName();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getNamespaceURI() == null) {
                terms.computeIfAbsent(path + "@" + a.getName(), k -> new ArrayList<>()).add(a.getValue().strip());
            }
        }
        boolean leaf = true;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                leaf = false;
                collect(child, path, terms);
            }
        }
        if (leaf) {
            String value = normalised(e.getTextContent());
            if (path.endsWith("Indicator")) { // xs:boolean: 1 is true, 0 is false
                value = value.equals("1") ? "true" : value.equals("0") ? "false" : value;
            }
            if (!value.isEmpty()) { // an empty element carries no business term
                terms.computeIfAbsent(path, k -> new ArrayList<>()).add(value);
            }
        }
    }

    private static String normalised(String text) {
        String value = text.strip().replaceAll("\\s+", " ");
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        return value;
    }
}
