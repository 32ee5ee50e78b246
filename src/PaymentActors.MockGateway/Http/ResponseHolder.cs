using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;

namespace PaymentActors.MockGateway.Http;

/// <summary>
/// Simulates a timeout the honest way: the call is already recorded, and the answer is held back far longer
/// than a client waits. The hold ends early when the client goes away or the gateway stops.
/// </summary>
public sealed class ResponseHolder(
    GatewayConditions conditions,
    GatewayStats stats,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ResponseHolder> logger)
{
    /// <summary>True when the caller is still there to be answered.</summary>
    public async Task<bool> HoldIfDrawnAsync(HttpContext context)
    {
        if (!conditions.ShouldHoldResponse(out var hold))
        {
            return true;
        }

        stats.HeldResponse();
        MockGatewayLog.HoldingResponse(logger, context.Request.Path, hold);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(hold, timeProvider, stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
