using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using PaymentActors.Hosting.Telemetry;

namespace PaymentActors.Silo;

/// <summary>
/// A silo process's telemetry. Traces: the grain calls and gateway requests of a payment continue the trace the front
/// door started (Orleans carries it in each call), so every event names it; exported only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Metrics: the same meters as the front door's <c>/metrics</c>, served as
/// Prometheus text at <c>http://{Metrics:Host}:{Metrics:Port}/metrics</c> when <c>Metrics:Port</c> is set (host
/// 127.0.0.1 unless given; the exporter's listener binds one host, never a wildcard), so that per-process counters
/// (storage requests, grain messages, payments) can be scraped from every silo; or over OTLP. The cluster-wide storage
/// counts are also in the front door's /metrics/summary. Logs: with <c>Logging:Console:FormatterName=json</c>, each
/// line carries its scopes (the trace and span ids, and the payment or user id of the grain call) as fields.
/// </summary>
public static class SiloTelemetry
{
    public const string MetricsPortSetting = "Metrics:Port";
    public const string MetricsHostSetting = "Metrics:Host";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "paymentactors-silo";

    public static IHostApplicationBuilder AddPaymentActorsSiloTelemetry(this IHostApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var metricsPort = builder.Configuration.GetValue<int?>(MetricsPortSetting);
        var metricsHost = builder.Configuration[MetricsHostSetting] is { Length: > 0 } host ? host : "127.0.0.1";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                // A listener makes Orleans create the grain-call activities that carry the trace; our interfaces only.
                tracing.AddSource(ActivitySources.ApplicationGrainActivitySourceName).AddHttpClientInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        if (exportOtlp || metricsPort is not null)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter([.. MeterNames.All]);
                if (metricsPort is { } port)
                {
                    metrics.AddPrometheusHttpListener(listener => (listener.Host, listener.Port) = (metricsHost, port));
                }

                if (exportOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        }

        // Logging:Console:FormatterName=json writes the scopes as fields: TraceId, SpanId, PaymentId, UserId.
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
        return builder;
    }
}
