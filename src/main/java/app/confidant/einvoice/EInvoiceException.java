package app.confidant.einvoice;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Refusals of the e-invoice capability, with their HTTP status, stable code and, for 422, the failed rules. */
@ApplicationException(rollback = true)
public class EInvoiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<RuleResult> failures;

    public EInvoiceException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public EInvoiceException(int status, String code, String message, List<RuleResult> failures) {
        super(message);
        this.status = status;
        this.code = code;
        this.failures = List.copyOf(failures);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The rules a document failed (id, flag, location, message), empty unless the document itself was at fault. */
    public List<RuleResult> failures() {
        return failures;
    }
}
