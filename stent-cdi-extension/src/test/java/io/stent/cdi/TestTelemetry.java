package io.stent.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The OpenTelemetry a server with MicroProfile Telemetry would provide, exporting to memory. */
@ApplicationScoped
public class TestTelemetry {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetry telemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();

    /** @return the application's OpenTelemetry */
    @Produces
    @ApplicationScoped
    public OpenTelemetry telemetry() {
        return telemetry;
    }

    /** @return what was exported */
    public InMemorySpanExporter exporter() {
        return exporter;
    }
}
