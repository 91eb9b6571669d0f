package app.confidant.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request an id (the client's X-Request-Id when it is a sane token, else a new UUID), echoed in the
 * response, so a client's log line, the server log and the audit row can be matched.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIds extends HttpFilter {

    static final String ATTRIBUTE = "confidant.requestId";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader("X-Request-Id");
        String id = offered != null && offered.matches("[A-Za-z0-9._-]{1,64}") ? offered : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader("X-Request-Id", id);
        chain.doFilter(request, response);
    }
}
