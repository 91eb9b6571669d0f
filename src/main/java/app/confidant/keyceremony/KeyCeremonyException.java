package app.confidant.keyceremony;

import jakarta.ejb.ApplicationException;

/** Refusals of key ceremonies, each with its HTTP status and stable Problem Details code. */
@ApplicationException(rollback = true)
public class KeyCeremonyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public KeyCeremonyException(int status, String code, String message) {
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

    static KeyCeremonyException notFound(String what) {
        return new KeyCeremonyException(404, "not-found", what + " not found.");
    }

    static KeyCeremonyException conflict(String code, String message) {
        return new KeyCeremonyException(409, code, message);
    }
}
