package app.confidant.security;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The authenticated caller of the current request, for services that scope by tenant or need step-up. */
@RequestScoped
@PermitAll // the current request's own caller, whoever it is
public class CallerContext {

    @Inject
    HttpServletRequest request;

    public Optional<Caller> current() {
        return Optional.ofNullable((Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE));
    }

    public Caller require() {
        return current().orElseThrow(() -> new SecurityException(401, "unauthenticated", "Authentication required."));
    }

    public String clientAddress() {
        return request.getRemoteAddr();
    }
}
