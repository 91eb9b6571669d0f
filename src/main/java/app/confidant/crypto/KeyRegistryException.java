package app.confidant.crypto;

/** The key registry (database) could not be read or written; like an HSM failure, callers fail closed. */
public class KeyRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
