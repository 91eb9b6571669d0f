package app.confidant.crypto;

/**
 * The HSM could not perform an operation (token absent, login refused, session lost). Callers fail closed: nothing
 * is stored in plaintext and the request is answered 503.
 */
public class HsmUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HsmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public HsmUnavailableException(String message) {
        super(message);
    }
}
