package app.confidant.invoice;

/** Where an invoice is in its life: only DRAFT and SUBMITTED can change; from ISSUED on it is frozen. */
public enum InvoiceStatus {
    DRAFT, SUBMITTED, APPROVED, ISSUED, SENT, PARTIALLY_PAID, PAID;

    boolean editable() {
        return this == DRAFT || this == SUBMITTED;
    }
}
