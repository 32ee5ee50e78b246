using PaymentActors.MockGateway.Authorizations;
using PaymentActors.MockGateway.Http;
using PaymentActors.MockGateway.Refunds;

namespace PaymentActors.MockGateway.Charges;

public static class ChargeEndpoints
{
    /// <summary>The gateway API proper: every call passes the outage and latency filter.</summary>
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(string.Empty).AddEndpointFilter<GatewayTrafficFilter>();
        api.MapPost("/charges", (HttpContext context, ChargeHandler handler) => handler.ChargeAsync(context));
        api.MapGet("/charges/{paymentId}", (string paymentId, int? attempt, ChargeHandler handler, CancellationToken cancellationToken) =>
            handler.GetChargeAsync(paymentId, attempt, cancellationToken));
        api.MapPost("/refunds", (HttpContext context, RefundHandler handler) => handler.RefundAsync(context));
        api.MapAuthorizations();
        return endpoints;
    }
}
