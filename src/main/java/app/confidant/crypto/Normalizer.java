package app.confidant.crypto;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How a value is normalised before its blind index is computed, so that equal values in different spellings
 * ({@code de 123 456 789} and {@code DE123456789}) find each other.
 */
public enum Normalizer {
    /** Tax and VAT ids: spaces, dots, dashes and slashes removed, upper case. */
    TAX_ID(v -> v.replaceAll("[\\s./-]", "").toUpperCase(Locale.ROOT)),
    /** E-mail addresses: trimmed, lower case. */
    EMAIL(v -> v.strip().toLowerCase(Locale.ROOT)),
    /** IBANs and account numbers: spaces removed, upper case. */
    ACCOUNT(v -> v.replaceAll("\\s", "").toUpperCase(Locale.ROOT)),
    /**
     * A value that is canonical already, kept exactly (e.g. a request's canonical JSON, fingerprinted for
     * idempotency); its own name separates its indexes from those of the other kinds.
     */
    CANONICAL(UnaryOperator.identity());

    private final UnaryOperator<String> rule;

    Normalizer(UnaryOperator<String> rule) {
        this.rule = rule;
    }

    public String normalize(String value) {
        return rule.apply(value);
    }
}
