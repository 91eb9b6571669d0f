package app.confidant.platform;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the access log which route a request matched, as its template ({@code /api/v1/parties/{id}}): the log
 * names the operation without the values in the path. First of the filters, so that a request refused by one of
 * them still names its route.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteTemplates implements ContainerRequestFilter {

    static final String ATTRIBUTE = "confidant.route";
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            request.setAttribute(ATTRIBUTE, request.getServletPath()
                    + TEMPLATES.computeIfAbsent(method, m -> path(resource.getResourceClass()) + path(m)));
        }
    }

    static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        String value = path.value().endsWith("/") ? path.value().substring(0, path.value().length() - 1) : path.value();
        return value.startsWith("/") ? value : "/" + value;
    }
}
