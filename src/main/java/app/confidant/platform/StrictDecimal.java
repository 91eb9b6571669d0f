package app.confidant.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/** Every amount, quantity and rate of a request body is a JSON number, never a string quietly read as one. */
final class StrictDecimal implements JsonbDeserializer<BigDecimal> {

    static final String NOT_A_NUMBER = "must be a JSON number";

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new StrictText.Refused(NOT_A_NUMBER);
        }
        return ((JsonNumber) value).bigDecimalValue();
    }
}
