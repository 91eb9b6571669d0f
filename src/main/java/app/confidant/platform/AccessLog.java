package app.confidant.platform;

import app.confidant.audit.RequestIds;
import app.confidant.security.Caller;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per request: request id, method, route template, status, duration, the caller's user and tenant ids
 * and the client address. With the JSON log format each of these is a field of the line. Never the query string,
 * a header or a body, never a name: only ids, which carry nothing sensitive.
 *
 * <p>It also runs on the error dispatch, for requests the authentication mechanism refused before any filter ran
 * (an unknown bearer token); a request that was logged already is not logged again there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class AccessLog extends HttpFilter {

    static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
    private static final String LOGGED = "confidant.accessLogged";
    /** Where the request was refused before routing (error dispatch): no template, and the raw path is not logged. */
    static final String BEFORE_ROUTING = "(refused before routing)";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(LOGGED) != null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(LOGGED, Boolean.TRUE);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(start));
            } else {
                log(request, response, failed ? 500 : response.getStatus(), start);
            }
        }
    }

    static void log(HttpServletRequest request, HttpServletResponse response, int status, long start) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, Object> fields = fields(request, status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        // the text format shows the message only; the JSON format has every field on its own as well
        LogRecord record = new LogRecord(Level.INFO, "{0} {1} {2} {3} ms, request {4}");
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {fields.get("method"), fields.get("route"),
                fields.get("status"), fields.get("durationMs"), fields.getOrDefault("requestId", "-"), fields});
        LOG.log(record);
    }

    /** The fields of the line, in order; absent values (no caller) are left out. */
    static Map<String, Object> fields(HttpServletRequest request, int status, long durationMs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RequestIds.of(request).ifPresent(id -> fields.put("requestId", id));
        fields.put("method", request.getMethod());
        fields.put("route", route(request));
        fields.put("status", Integer.toString(status));
        fields.put("durationMs", Long.toString(durationMs));
        Caller.of(request).ifPresent(caller -> {
            fields.put("principalId", String.valueOf(caller.userId()));
            fields.put("tenantId", String.valueOf(caller.tenantId()));
        });
        fields.put("client", request.getRemoteAddr());
        return fields;
    }

    /** The JAX-RS template the request matched, else the servlet mapping that took it (e.g. {@code /api/v1/*}). */
    static String route(HttpServletRequest request) {
        if (request.getAttribute(RouteTemplates.ATTRIBUTE) instanceof String template) {
            return template;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return BEFORE_ROUTING;
        }
        return request.getHttpServletMapping().getPattern();
    }

    private record Completion(long start) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            log((HttpServletRequest) event.getSuppliedRequest(), (HttpServletResponse) event.getSuppliedResponse(),
                    ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the listener stays registered
        }
    }
}
