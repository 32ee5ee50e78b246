using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Endpoints;

/// <summary>The payment gateway's health as each silo's resilient adapter sees it.</summary>
public static class GatewayEndpoints
{
    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gateway", GetHealthAsync)
            .WithTags("Gateway")
            .WithName("GetGatewayHealth")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("Get the payment gateway's circuit breakers")
            .WithDescription(
                "Operators only. The circuit breaker in front of the payment gateway: `closed` while calls flow, `open` after too many failures within the " +
                "sampling window (payments then fail fast with `gateway_unavailable` instead of waiting on a dead gateway), `half_open` while " +
                "one probe is let through. Every silo has its own gateway client and breaker, listed under `silos`; the top-level `state` " +
                "is `open` only when every silo's breaker is open, and the counts are summed over the silos. With `Gateway:Mode=Simulated` " +
                "the in-process gateway has no breaker and is always `closed` with zero counts. The top-level fields describe the default " +
                "provider (the first-priority `card` provider); `providers` lists every provider (`PaymentGateway:Providers`) in routing order " +
                "with its methods, currencies, priority, combined breaker state, call figures (attempts, approvals, declines, not processed, " +
                "unknown, failovers, latency) and each silo's breaker. 503 when no silo answers.")
            .Produces<ApiResponse<GatewayHealthResponse>>();
        return endpoints;
    }

    private static async Task<IResult> GetHealthAsync(IGrainFactory grains)
    {
        var reports = await grains.GetGrain<IClusterGatewayGrain>(0).GetProviderReportsAsync();
        return reports.Count == 0
            ? ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "No silo reported its gateway breaker; retry shortly.")
            : ApiResults.Ok(GatewayHealthResponse.From(reports));
    }
}
