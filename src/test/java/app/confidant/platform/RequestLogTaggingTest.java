package app.confidant.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RequestLogTaggingTest {

    private final RequestLogTagging.Tagging serving = new RequestLogTagging.Tagging(null, () -> Optional.of("req-1"));

    @Test
    void aLineWrittenWhileServingARequestCarriesItsIdAsAField() {
        LogRecord record = new LogRecord(Level.INFO, "sealed a party");
        serving.isLoggable(record);
        assertArrayEquals(new Object[] {Map.of("requestId", "req-1")}, record.getParameters());
    }

    @Test
    void theMessageParametersStayWhereTheyAre() {
        LogRecord record = new LogRecord(Level.INFO, "key {0} rotated");
        record.setParameters(new Object[] {"k1"});
        serving.isLoggable(record);
        assertArrayEquals(new Object[] {"k1", Map.of("requestId", "req-1")}, record.getParameters());
    }

    @Test
    void aLineThatCarriesTheIdAlreadyIsNotTaggedTwice() {
        LogRecord record = new LogRecord(Level.INFO, "access");
        record.setParameters(new Object[] {Map.of("requestId", "own")});
        serving.isLoggable(record);
        assertEquals(1, record.getParameters().length);
    }

    @Test
    void aLiteralPlaceholderWithoutParametersIsLeftAlone() {
        LogRecord record = new LogRecord(Level.INFO, "route /x/{0}");
        serving.isLoggable(record);
        assertNull(record.getParameters());
    }

    @Test
    void outsideARequestNothingIsAdded() {
        LogRecord record = new LogRecord(Level.INFO, "timer ran");
        new RequestLogTagging.Tagging(null, Optional::empty).isLoggable(record);
        assertNull(record.getParameters());
    }

    @Test
    void theHandlersOwnFilterStillDecides() {
        LogRecord record = new LogRecord(Level.INFO, "dropped");
        assertEquals(false, new RequestLogTagging.Tagging(r -> false, () -> Optional.of("x")).isLoggable(record));
    }
}
