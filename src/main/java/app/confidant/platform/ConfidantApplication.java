package app.confidant.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** All of Confidant's REST API lives under {@code /api/v1}; health and OpenAPI are served at the server root. */
@ApplicationPath("/api/v1")
public class ConfidantApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No generated WADL: the API is described by the OpenAPI document, and nothing else is exposed.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
