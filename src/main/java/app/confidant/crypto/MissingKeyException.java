package app.confidant.crypto;

import java.security.GeneralSecurityException;

/** No secret key with this label exists in the token. */
class MissingKeyException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    private final String label;

    MissingKeyException(String label) {
        super("no secret key labelled '" + label + "' in the token");
        this.label = label;
    }

    String label() {
        return label;
    }
}
