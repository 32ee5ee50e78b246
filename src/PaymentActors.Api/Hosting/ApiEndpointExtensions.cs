using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using PaymentActors.Api.Endpoints;
using PaymentActors.Api.Health;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;
using PaymentActors.Api.Telemetry;
using Scalar.AspNetCore;

namespace PaymentActors.Api.Hosting;

public static class ApiEndpointExtensions
{
    public const string DashboardPath = "/dashboard";
    public const string DocsPath = "/docs";
    public const string OpenApiPath = "/openapi/{documentName}.json";

    /// <summary>The middleware and every route: API, health, metrics, dashboard and documentation.</summary>
    public static WebApplication MapPaymentActorsApi(this WebApplication app)
    {
        app.UseTraceIdHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
        app.UsePaymentActorsSecurity();

        app.MapWalletEndpoints();
        app.MapLedgerEndpoints();
        app.MapLedgerExportEndpoints();
        app.MapOrderEndpoints();
        app.MapTransactionEndpoints();
        app.MapPaymentEndpoints();
        app.MapRefundEndpoints();
        app.MapGatewayEndpoints();
        app.MapClusterEndpoints();
        app.MapFailedEventEndpoints();
        app.MapListEndpoints();
        app.MapMetricsEndpoints();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ApiHostingExtensions.ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        })
            .AllowAnonymous()
            .DisableRateLimiting();

        // Operators (a token, or the loopback management listener) only: both show the system's inner workings.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(SecurityPolicies.Operations);
        app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(SecurityPolicies.Operations);
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        app.MapScalarApiReference(DocsPath, docs => docs.WithTitle("PaymentActors API").WithOpenApiRoutePattern(OpenApiPath)).AllowAnonymous();
        return app;
    }
}
