package app.confidant.compliance;

import jakarta.ejb.ApplicationException;

/** Refusals of the compliance capability, each with a stable Problem Details code and HTTP status. */
@ApplicationException(rollback = true)
public class ComplianceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ComplianceException(int status, String code, String message) {
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
}
