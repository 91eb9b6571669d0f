package app.confidant.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Every non-id {@link UUID} attribute, so that a NULL column reads as null: EclipseLink 5.0.0-B08's own UUID
 * conversion fails on NULL ("jdbcValue is null"). Both drivers bind and return java.util.UUID for UUID columns.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        return switch (value) {
            case null -> null;
            case UUID uuid -> uuid;
            default -> UUID.fromString(value.toString());
        };
    }
}
