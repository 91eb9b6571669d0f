package app.confidant.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Spans leave the process with allow-listed attributes only. Payara's server spans carry {@code url.query} (a party
 * search sends the searched name there) and exception events carry messages and stack traces: none of that may reach
 * a trace backend. Deny by default: an attribute not named here is dropped, and an event keeps only its name and
 * {@code exception.type}.
 */
final class RedactingSpanExporter implements SpanExporter {

    /** Method, route, path of ids, status, addresses, thread, code location: what diagnosis needs, no content. */
    static final Set<String> ALLOWED = Set.of("http.request.method", "http.route", "url.path", "url.scheme",
            "http.response.status_code", "server.address", "server.port", "client.address", "network.protocol.name",
            "user_agent.original", "payara.subsystem", "exception.type", "error.type", "thread.name", "thread.id",
            "code.function", "code.namespace", "code.function.name");

    private final SpanExporter delegate;

    RedactingSpanExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().<SpanData>map(Redacted::new).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    static Attributes allowed(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (ALLOWED.contains(key.getKey())) {
                @SuppressWarnings("unchecked")
                AttributeKey<Object> typed = (AttributeKey<Object>) key;
                kept.put(typed, value);
            }
        });
        return kept.build();
    }

    private static final class Redacted extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;

        Redacted(SpanData span) {
            super(span);
            attributes = allowed(span.getAttributes());
            events = span.getEvents().stream().map(e -> EventData.create(e.getEpochNanos(), e.getName(),
                    allowed(e.getAttributes()))).toList();
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }
    }
}
