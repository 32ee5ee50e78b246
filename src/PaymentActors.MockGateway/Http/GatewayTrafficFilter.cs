using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;

namespace PaymentActors.MockGateway.Http;

/// <summary>
/// Stands in front of every gateway call (not admin or health): counts it and answers 503 during an outage before
/// anything is read or recorded. The handlers wait out the simulated latency where it belongs to the call (a charge
/// is in progress during it, so that a re-send can be told so).
/// </summary>
public sealed class GatewayTrafficFilter(
    GatewayConditions conditions,
    GatewayStats stats,
    ILogger<GatewayTrafficFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        stats.RequestReceived();
        var httpContext = context.HttpContext;
        if (conditions.Current.Outage)
        {
            stats.RespondedUnavailable();
            MockGatewayLog.AnsweredUnavailable(logger, httpContext.Request.Path);
            return ApiResults.Unavailable();
        }

        return await next(context);
    }
}
