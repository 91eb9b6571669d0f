package app.confidant.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors raised outside JAX-RS (unknown paths, container errors) as Problem Details too, instead of the
 * container's HTML page that names the server. Mapped as the error page in web.xml.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String problemCode = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Response problem = new Problem(status, problemCode, title, null)
                .toResponse(uri == null ? null : uri.toString());
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write((String) problem.getEntity());
    }
}
