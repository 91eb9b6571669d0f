package app.confidant.crypto;

/**
 * A stored sealed value does not open: it was altered, copied from another row, entity or tenant, or truncated.
 * Never returns or names any plaintext.
 */
public class SealedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SealedValueException(String message) {
        super(message);
    }

    public SealedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
