package app.confidant.einvoice;

/**
 * One finding about a document: a failed EN 16931 rule ({@code BR-CO-15}, flag {@code fatal} or {@code warning})
 * or a UBL schema error (id {@code UBL-XSD}, always fatal). Location is an XPath where the rules give one.
 */
public record RuleResult(String id, String flag, String location, String message) {

    public static final String FATAL = "fatal";

    public boolean fatal() {
        return FATAL.equals(flag);
    }
}
