package app.confidant.platform;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/**
 * Plugs {@link RedactingSpanExporter} in front of whatever span exporter an operator configures
 * ({@code otel.traces.exporter}: otlp, logging): Payara's OpenTelemetry SDK finds this provider through the
 * application's class loader (META-INF/services). Traces are off by default.
 */
public class TraceRedaction implements AutoConfigurationCustomizerProvider {

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addSpanExporterCustomizer((exporter, config) -> new RedactingSpanExporter(exporter));
    }
}
