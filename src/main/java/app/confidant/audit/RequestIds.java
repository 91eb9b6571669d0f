package app.confidant.audit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives every request an id (the client's X-Request-Id when it is a sane token, else a new UUID), echoed in the
 * response, so a client's log line, the server log and the audit row can be matched. It also runs on the error
 * dispatch, so that a request the authentication mechanism refused before any filter ran still gets an id; while
 * the request is served the id is the thread's {@link #current()} (log lines carry it, platform.RequestLogTagging).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIds extends HttpFilter {

    static final String ATTRIBUTE = "confidant.requestId";
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = of(request).orElseGet(() -> assign(request, response));
        String outer = CURRENT.get();
        CURRENT.set(id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private static String assign(HttpServletRequest request, HttpServletResponse response) {
        String offered = request.getHeader("X-Request-Id");
        String id = offered != null && offered.matches("[A-Za-z0-9._-]{1,64}") ? offered : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader("X-Request-Id", id);
        return id;
    }

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The request's id, given now if it has none: for the authentication mechanism, which runs before this filter
     * and records refusals (the filter then keeps this id).
     */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        return of(request).orElseGet(() -> assign(request, response));
    }

    /** The id given to {@code request}, once this filter has seen it. */
    public static Optional<String> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
