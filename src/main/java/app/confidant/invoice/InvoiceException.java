package app.confidant.invoice;

import jakarta.ejb.ApplicationException;

/** Refusals of the invoicing capability, with their HTTP status and stable Problem Details code. */
@ApplicationException(rollback = true)
public class InvoiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public InvoiceException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Another tenant's id answers exactly like an id that does not exist: no existence oracle. */
    static InvoiceException notFound(String what) {
        return new InvoiceException(404, "not-found", what + " not found.");
    }

    static InvoiceException stale(String what) {
        return new InvoiceException(412, "stale-version",
                what + " was changed by someone else; read it again and retry with its current ETag.");
    }
}
