package app.confidant.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An RFC 9457 Problem Details body with a stable machine-readable {@code code}. Details are written for people and
 * never carry a sensitive value or a stack trace.
 */
public record Problem(int status, String code, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://confidant.app/problems/";

    public URI type() {
        return URI.create(TYPE_BASE + code);
    }

    public Response toResponse(String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type().toString())
                .add("title", title)
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
