package app.confidant.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The authenticated caller of the current request, for services that scope by tenant or need step-up. */
@RequestScoped
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
