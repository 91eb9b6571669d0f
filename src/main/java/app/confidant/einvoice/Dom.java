package app.confidant.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small navigation over a UBL DOM by paths like {@code cac:Party/cbc:EndpointID} (children only, no XPath engine). */
final class Dom {

    private Dom() {
    }

    static List<Element> all(Element from, String path) {
        if (from == null) {
            return List.of();
        }
        List<Element> current = List.of(from);
        for (String step : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element e : current) {
                next.addAll(children(e, step));
            }
            current = next;
        }
        return current;
    }

    static Element one(Element from, String path) {
        if (from == null) {
            return null;
        }
        List<Element> found = all(from, path);
        return found.isEmpty() ? null : found.get(0);
    }

    static String text(Element from, String path) {
        Element e = one(from, path);
        if (e == null) {
            return null;
        }
        String value = e.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    static String attribute(Element from, String path, String attribute) {
        Element e = one(from, path);
        return e == null || !e.hasAttribute(attribute) ? null : e.getAttribute(attribute);
    }

    static BigDecimal decimal(Element from, String path) {
        String value = text(from, path);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new EInvoiceException(422, "unreadable-term", "Not a number in " + path + ".");
        }
    }

    static LocalDate date(Element from, String path) {
        String value = text(from, path);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new EInvoiceException(422, "unreadable-term", "Not a date (YYYY-MM-DD) in " + path + ".");
        }
    }

    private static List<Element> children(Element parent, String step) {
        int colon = step.indexOf(':');
        String ns = switch (step.substring(0, colon)) {
            case "cac" -> UblWriter.CAC;
            case "cbc" -> UblWriter.CBC;
            default -> throw new IllegalArgumentException(step);
        };
        String name = step.substring(colon + 1);
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
