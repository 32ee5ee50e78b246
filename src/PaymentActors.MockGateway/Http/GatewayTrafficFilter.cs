using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;

namespace PaymentActors.MockGateway.Http;

/// <summary>
/// Stands in front of every gateway call (not admin or health): counts it, answers 503 during an outage before
/// anything is read or recorded, and otherwise waits out the simulated processing latency.
/// </summary>
public sealed class GatewayTrafficFilter(
    GatewayConditions conditions,
    GatewayStats stats,
    TimeProvider timeProvider,
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

        var latency = conditions.NextLatency();
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, httpContext.RequestAborted);
        }

        return await next(context);
    }
}
