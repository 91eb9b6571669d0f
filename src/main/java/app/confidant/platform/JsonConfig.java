package app.confidant.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API wants it: a field the API does not know is an error, not silently dropped; a string field takes
 * only a JSON string of characters XML can carry ({@link StrictText}), a decimal only a JSON number
 * ({@link StrictDecimal}).
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true) // Yasson (Payara's JSON-B) honours this
            .withDeserializers(new StrictText(), new StrictDecimal()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
