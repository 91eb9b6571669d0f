package app.confidant.invoice;

/** Reads the version a client saw from its If-Match header: no blind writes (428), no stale ones (412). */
final class Versions {

    private Versions() {
    }

    static long fromIfMatch(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvoiceException(428, "if-match-required", "Send the ETag you read as If-Match.");
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvoiceException.stale("The " + what);
        }
    }
}
