package app.confidant.security;

import jakarta.ejb.ApplicationException;
import java.util.Set;

/**
 * Refusals of the security capability, each with a stable Problem Details code and HTTP status. Messages are for
 * people and never contain a secret, a password or whether an account exists.
 */
@ApplicationException(rollback = true)
public class SecurityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Set<String> requiredRoles;
    private final String operation;

    public SecurityException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    private SecurityException(int status, String code, String message, Set<String> requiredRoles,
            String operation) {
        super(message);
        this.status = status;
        this.code = code;
        this.requiredRoles = requiredRoles;
        this.operation = operation;
    }

    /** 403 forbidden: none of {@code roles} (the roles the operation needs) is the caller's; named in the audit event. */
    static SecurityException forbidden(Set<String> roles, String operation) {
        return new SecurityException(403, "forbidden", "Your roles do not allow this.", roles, operation);
    }

    /** The roles the refused operation needs, for its audit event; null when the refusal is not about roles. */
    public Set<String> requiredRoles() {
        return requiredRoles;
    }

    /** The bean method that refused ({@code InvoiceService.approve}) when it was not the resource method; or null. */
    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static SecurityException invalidCredentials() {
        return new SecurityException(401, "invalid-credentials", "Username or password is wrong, or the account is locked.");
    }

    static SecurityException invalidCode() {
        return new SecurityException(401, "invalid-code", "The code is wrong, expired or was used already.");
    }

    /** One answer for an unknown user and a wrong, used or expired activation code: no oracle for which. */
    static SecurityException activationInvalid() {
        return new SecurityException(401, "activation-invalid",
                "The activation code is not valid for this username: wrong, used or expired. Ask your security "
                        + "administrator for a new one.");
    }

    static SecurityException conflict(String code, String message) {
        return new SecurityException(409, code, message);
    }

    static SecurityException badRequest(String code, String message) {
        return new SecurityException(400, code, message);
    }

    static SecurityException notFound(String what) {
        return new SecurityException(404, "not-found", what + " not found.");
    }
}
