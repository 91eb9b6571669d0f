package app.confidant.einvoice;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** JSON-B for the sealed records of this package (the container's implementation; one shared instance). */
final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private Json() {
    }

    static String write(Object value) {
        return JSONB.toJson(value);
    }

    static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
