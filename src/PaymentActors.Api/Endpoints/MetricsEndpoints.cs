using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;
using PaymentActors.Gateway;
using PaymentActors.Metrics;

namespace PaymentActors.Api.Endpoints;

/// <summary>The service design's metrics as JSON; the Prometheus text of all meters is at <c>/metrics</c>.</summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics/summary", GetSummaryAsync)
            .WithTags("Metrics")
            .WithName("GetMetricsSummary")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("Get the payment metrics summary")
            .WithDescription(
                "Operators only. Seed 000's metrics over the whole cluster: EventCount by event type, PaymentAmount by event type and currency, " +
                "PaymentSuccess, and PaymentFailure by failure type; and seed 003's `events`: catalogue events published by type, delivered " +
                "to each subscriber, and pending per subscriber; and `storage`: requests sent to Azure Storage by every process (reads and writes, by service, table and operation); and `gateway_providers`: calls to each payment provider (attempts, approvals, declines, not processed, unknown, failovers from and to it, mean and longest latency), summed over the silos. Prometheus text of every meter is served at `/metrics`.")
            .Produces<ApiResponse<MetricsSummaryResponse>>();
        return endpoints;
    }

    private static async Task<IResult> GetSummaryAsync(IGrainFactory grains, IServiceProvider services)
    {
        var summary = grains.GetGrain<IMetricsSummaryGrain>(0).GetSummaryAsync();
        var events = grains.GetGrain<IEventFiguresGrain>(0).GetClusterAsync();
        var providers = grains.GetGrain<IClusterGatewayGrain>(0).GetProviderReportsAsync();
        var storage = await grains.GetGrain<IStorageFiguresGrain>(0).GetClusterAsync();

        // A front door that is a client of the silos sends requests of its own (it reads the membership table for
        // gateways); one that co-hosts its silo was counted as that silo.
        if (services.GetService<ILocalSiloDetails>() is null && services.GetService<IStorageFiguresSource>() is { } frontDoor)
        {
            storage = storage.Merge(frontDoor.Snapshot());
        }

        return ApiResults.Ok(MetricsSummaryResponse.From(await summary, await events, storage, await providers));
    }
}
