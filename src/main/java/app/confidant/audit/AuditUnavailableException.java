package app.confidant.audit;

/** The audit trail could not record an event: the business change it belongs to is refused (fail closed, 503). */
public class AuditUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
