package app.confidant.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every {@link Instant} attribute as TIMESTAMP WITH TIME ZONE on both databases. Drivers hand such columns back
 * as different types (H2: OffsetDateTime, which EclipseLink cannot turn into an Instant; PostgreSQL: Timestamp),
 * so reading accepts each; writing binds an OffsetDateTime in UTC, which both take.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            case LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
            case Instant instant -> instant;
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
        };
    }
}
