package app.confidant.crypto;

/**
 * The HSM worked but refused the data: an authentication tag did not verify. Unlike
 * {@link HsmUnavailableException} this says nothing about the token's health and never triggers a reconnect.
 */
public class HsmIntegrityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HsmIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
