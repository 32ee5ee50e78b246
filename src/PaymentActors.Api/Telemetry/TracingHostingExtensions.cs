using System.Diagnostics;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace PaymentActors.Api.Telemetry;

/// <summary>
/// Tracing of a payment across the front door, the grains and the gateway, and the trace id in every response.
/// Activities are always recorded (the trace id is part of the API, of each event and of the logs; a sampler that
/// only propagates loses the trace across grain calls); they leave the process only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TracingHostingExtensions
{
    public const string TraceIdHeader = "X-Trace-Id";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "paymentactors-api";

    public static WebApplicationBuilder AddPaymentActorsTracing(this WebApplicationBuilder builder)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                // Grain calls of our own interfaces; Orleans's runtime calls (streams, dashboard, membership) stay out.
                tracing.AddSource(ActivitySources.ApplicationGrainActivitySourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => IsTraced(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        if (exportOtlp)
        {
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        // Logging:Console:FormatterName=json writes the scopes as fields: TraceId, SpanId, PaymentId, UserId.
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
        return builder;
    }

    /// <summary>Puts the request's trace id (its own, or the one of an incoming <c>traceparent</c>) in the response.</summary>
    public static WebApplication UseTraceIdHeader(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Read now, while the request's activity is the current one; written when the response starts, so that
            // error responses produced later (which clear the headers) carry it too.
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                var traceId = activity.TraceId.ToHexString();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[TraceIdHeader] = traceId;
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }

    // Scrapes, probes and the dashboard's polling would bury the payments' traces.
    private static bool IsTraced(PathString path) =>
        !path.StartsWithSegments("/metrics")
        && !path.StartsWithSegments("/health")
        && !path.StartsWithSegments(Hosting.ApiEndpointExtensions.DashboardPath);
}
