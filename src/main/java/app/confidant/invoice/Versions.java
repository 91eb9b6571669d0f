package app.confidant.invoice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version a client saw from its If-Match header: no blind writes (428), no stale ones (412). If-Match
 * compares strongly (RFC 9110, 13.1.1): only the exact entity tag {@code "<version>"} matches; a weak tag
 * ({@code W/"1"}) or anything else never does.
 */
final class Versions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private Versions() {
    }

    static long fromIfMatch(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvoiceException(428, "if-match-required", "Send the ETag you read as If-Match.");
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new InvoiceException(412, "stale-version", "If-Match: " + what + " matches only the exact ETag it"
                    + " was read with (a quoted version such as \"3\"; weak tags never match).");
        }
        return Long.parseLong(tag.group(1));
    }
}
