package app.confidant.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;

/**
 * The reason a caller gave for the current request when it came in the body rather than the X-Reason header;
 * the audit trail records whichever is present.
 */
@RequestScoped
@PermitAll // checks the X-Reason header of the caller's own request; holds no data
public class Reasons {

    private String reason;

    public void put(String given) {
        reason = given;
    }

    String current() {
        return reason;
    }
}
