package app.confidant.security;

import app.confidant.platform.ConfidantServer;
import jakarta.json.Json;
import java.util.Map;

/**
 * The security programme's own server (fresh state, embedded H2) with a training grace period of zero days, so
 * that a published module binds at once: enforcement can be tested without touching the shared server, whose
 * personas must never be stopped by a module another test publishes.
 */
public final class ProgrammeServer {

    private static ConfidantServer server;

    private ProgrammeServer() {
    }

    /** The body of a training module for {@code role}, valid for a year. */
    public static String module(String title, String role, String content) {
        return Json.createObjectBuilder().add("title", title).add("content", content)
                .add("audience", Json.createArrayBuilder().add(role)).add("validityDays", 365).build().toString();
    }

    public static synchronized ConfidantServer get() throws Exception {
        if (server == null) {
            server = ConfidantServer.startFresh("programme", Map.of("CONFIDANT_TRAINING_GRACE_DAYS", "0"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }
}
