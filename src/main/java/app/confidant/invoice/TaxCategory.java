package app.confidant.invoice;

import java.math.BigDecimal;

/** EN 16931 VAT category codes (UNTDID 5305 subset) and which of them carry a rate. */
public enum TaxCategory {
    /** Standard rate. */
    S,
    /** Zero rated goods. */
    Z,
    /** Exempt from tax. */
    E,
    /** VAT reverse charge. */
    AE,
    /** Intra-community supply (VAT exempt for EEA). */
    K,
    /** Free export item, tax not charged. */
    G,
    /** Services outside scope of tax. */
    O;

    /** EN 16931 BR-S-05, BR-Z-05, BR-E-05, …: only S has a positive rate, every other category has 0. */
    public boolean accepts(BigDecimal rate) {
        return this == S ? rate.signum() > 0 : rate.signum() == 0;
    }
}
