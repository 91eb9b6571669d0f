package app.confidant.platform;

import app.confidant.audit.RequestIds;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Tags every log line written while a request is served (the application's and Payara's own, on that thread) with
 * the request's id: a {@code Map} parameter {@code requestId}, which Payara's JSON log formatter writes as a field of
 * the line (and the text formatter ignores). Installed on the server's root log handlers while the application is
 * deployed, removed when it is undeployed.
 */
@WebListener
public class RequestLogTagging implements ServletContextListener {

    static final String FIELD = "requestId";
    private final Map<Handler, Filter> replaced = new IdentityHashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            replaced.put(handler, handler.getFilter());
            handler.setFilter(new Tagging(handler.getFilter(), RequestIds::current));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        replaced.forEach(Handler::setFilter);
        replaced.clear();
    }

    /** Adds the current request id to a record that does not carry one yet, then asks the handler's own filter. */
    record Tagging(Filter next, Supplier<Optional<String>> requestId) implements Filter {

        @Override
        public boolean isLoggable(LogRecord record) {
            requestId.get().ifPresent(id -> tag(record, id));
            return next == null || next.isLoggable(record);
        }

        static void tag(LogRecord record, String id) {
            Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
            if (parameters.length == 0 && placeholders(record)) {
                return; // a literal "{0}" in a message without parameters would be formatted with the tag: leave it
            }
            boolean tagged = Arrays.stream(parameters).anyMatch(p -> p instanceof Map<?, ?> m && m.containsKey(FIELD));
            if (!tagged) {
                List<Object> extended = new ArrayList<>(Arrays.asList(parameters));
                extended.add(Map.of(FIELD, id));
                record.setParameters(extended.toArray());
            }
        }

        private static boolean placeholders(LogRecord record) {
            String message = record.getMessage() == null ? "" : record.getMessage();
            ResourceBundle bundle = record.getResourceBundle();
            if (bundle != null && bundle.containsKey(message)) {
                message = bundle.getString(message);
            }
            return message.contains("{0");
        }
    }
}
