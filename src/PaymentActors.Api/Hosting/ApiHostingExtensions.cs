using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PaymentActors.Api.Health;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Options;
using PaymentActors.Api.Telemetry;

namespace PaymentActors.Api.Hosting;

/// <summary>The services of the HTTP front door: JSON conventions, errors, health, telemetry and API documents.</summary>
public static class ApiHostingExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPaymentActorsApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddSingleton<JsonBodyReader>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();

        services.AddHealthChecks().AddCheck<ClusterReadinessHealthCheck>("cluster", tags: [ReadyTag]);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter([.. MeterNames.All]).AddPrometheusExporter());

        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer(new ApiDocumentTransformer());
        });
        return builder;
    }
}
