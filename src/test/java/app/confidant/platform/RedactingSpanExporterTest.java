package app.confidant.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingSpanExporterTest {

    private final List<SpanData> exported = new ArrayList<>();

    @Test
    void aServerSpanLeavesWithoutItsQueryStringOrExceptionMessage() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(capturing()))).build()) {
            Span span = tracing.get("test").spanBuilder("GET /api/v1/parties").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.request.method", "GET").setAttribute("http.route", "/api/v1/parties")
                    .setAttribute("url.query", "name=Secret Holdings").setAttribute("http.response.status_code", 200L)
                    .setAttribute("enduser.id", "alice@example.com").startSpan();
            span.recordException(new IllegalArgumentException("IBAN DE89370400440532013000 is invalid"));
            span.end();
        }
        SpanData span = exported.getFirst();
        Attributes attributes = span.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("http.route"))).isEqualTo("/api/v1/parties");
        assertThat(attributes.get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(attributes.get(AttributeKey.stringKey("url.query"))).isNull();
        assertThat(attributes.get(AttributeKey.stringKey("enduser.id"))).isNull();
        assertThat(span.getEvents()).hasSize(1);
        assertThat(span.getEvents().getFirst().getAttributes().get(AttributeKey.stringKey("exception.type")))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(span.toString()).doesNotContain("Secret").doesNotContain("DE89").doesNotContain("alice");
    }

    private SpanExporter capturing() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
