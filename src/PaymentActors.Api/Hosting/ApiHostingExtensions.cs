using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PaymentActors.Api.Health;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Options;
using PaymentActors.Api.Security;
using PaymentActors.Api.Telemetry;
using PaymentActors.Hosting.Telemetry;

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

        // Kestrel answers an over-long request line itself with a bare 414; a larger line (16 KiB, overridable with
        // Kestrel:Limits) lets an absurdly long id in a path reach validation and get the contract's 400 instead.
        // Header values outside ASCII (obs-text, valid HTTP) are refused by Kestrel by default with a bare 400 before any
        // endpoint runs; read as Latin-1 (every byte one character) they reach the endpoint, which refuses them in the envelope.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
        });

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;

            // Field names are exactly as documented, and a name sent twice is refused, never resolved (JsonTextRules
            // names the field first; these make any other binding agree).
            json.SerializerOptions.PropertyNameCaseInsensitive = false;
            json.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddSingleton<JsonBodyReader>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();

        builder.AddPaymentActorsSecurity();

        services.AddHealthChecks().AddCheck<ClusterReadinessHealthCheck>("cluster", tags: [ReadyTag]);

        services.AddHostedService<FailedEventsGauge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter([.. MeterNames.All]).AddPrometheusExporter());

        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer(new ApiDocumentTransformer());
            openApi.AddDocumentTransformer(new BearerSecurityTransformer());
            openApi.AddSchemaTransformer(new RequestExampleTransformer());
            openApi.AddSchemaTransformer(new RequestSchemaTransformer());
            openApi.AddOperationTransformer(new ContractResponsesTransformer());
        });
        return builder;
    }
}
