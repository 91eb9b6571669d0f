package app.confidant.platform;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Every string of every request body: a JSON string (not a number or boolean quietly turned into text), holding only
 * characters an XML 1.0 document can carry (no control characters but tab, line feed and carriage return; no
 * U+FFFE/U+FFFF; no unpaired surrogates). A value refused here would otherwise be stored and make the invoice's
 * e-invoice export fail for good once the invoice is issued and frozen.
 */
final class StrictText implements JsonbDeserializer<String> {

    static final String NOT_A_STRING = "must be a JSON string";
    static final String CONTROL_CHARACTER = "contains a character an XML document cannot carry (a control character,"
            + " U+FFFE/U+FFFF or an unpaired surrogate)";

    /** A refusal of a body's value that names no value, only the rule; JSON-B adds the property's name around it. */
    static final class Refused extends JsonbException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new Refused(NOT_A_STRING);
        }
        String text = ((JsonString) value).getString();
        if (!xmlSafe(text)) {
            throw new Refused(CONTROL_CHARACTER);
        }
        return text;
    }

    static boolean xmlSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
