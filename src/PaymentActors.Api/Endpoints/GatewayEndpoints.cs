using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;
using PaymentActors.Gateway;
using PaymentActors.Grains.Options;

namespace PaymentActors.Api.Endpoints;

/// <summary>The payment gateway's health as the silo's resilient adapter sees it.</summary>
public static class GatewayEndpoints
{
    /// <summary>The gateway grain's key, shared with the silo's payment actors.</summary>
    public const string ProviderKey = PaymentActorsOptions.SectionName + ":" + nameof(PaymentActorsOptions.GatewayProvider);

    public const string DefaultProvider = "mock";

    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gateway", GetHealthAsync)
            .WithTags("Gateway")
            .WithName("GetGatewayHealth")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("Get the payment gateway's circuit breaker")
            .WithDescription(
                "Operators only. The circuit breaker in front of the payment gateway: `closed` while calls flow, `open` after too many failures within the " +
                "sampling window (payments then fail fast with `gateway_unavailable` instead of waiting on a dead gateway), `half_open` while " +
                "one probe is let through. Counts are per silo. With `Gateway:Mode=Simulated` the in-process gateway has no breaker and " +
                "is always `closed` with zero counts.")
            .Produces<ApiResponse<GatewayHealthResponse>>();
        return endpoints;
    }

    private static async Task<IResult> GetHealthAsync(IGrainFactory grains, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey] is { Length: > 0 } configured ? configured : DefaultProvider;
        var health = await grains.GetGrain<IGatewayGrain>(provider).GetHealthAsync();
        return ApiResults.Ok(GatewayHealthResponse.From(health));
    }
}
