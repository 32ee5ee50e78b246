using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Gateway;

/// <summary>
/// The gateway of one provider. A stateless worker, so every silo calls its own activation (no hop to another silo,
/// and no single activation for the whole cluster); one reentrant activation per silo is enough, since charges only
/// wait on I/O. Resilience (timeouts, retries, circuit breaker) lives in the <see cref="IPaymentGateway"/> adapter,
/// which is shared by the whole silo.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class GatewayGrain(
    IPaymentGateway gateway,
    IGatewayHealthSource health,
    [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
    ILogger<GatewayGrain> logger) : Grain, IGatewayGrain
{
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request)
    {
        var response = await gateway.ChargeAsync(request, CancellationToken.None);
        return ToResult(request, response);
    }

    public async Task<RefundReply> RefundAsync(RefundRequest request)
    {
        var response = await gateway.RefundAsync(request, CancellationToken.None);
        GatewayLog.Refund(logger, request.PaymentId, response.Status.ToString());
        return response.Status switch
        {
            GatewayStatus.Approved => new RefundReply(true, response.GatewayReference),
            GatewayStatus.Declined => new RefundReply(false),
            _ => throw new TimeoutException($"Refund {request.RefundId} got no definite answer ({response.Status}: {response.Reason})."),
        };
    }

    public Task<GatewayHealth> GetHealthAsync() => Task.FromResult(health.GetHealth(this.GetPrimaryKeyString()));

    private ChargeResult ToResult(ChargeRequest request, GatewayResponse response)
    {
        var now = time.GetUtcNow();
        var (outcome, type, reason) = response.Status switch
        {
            GatewayStatus.Approved => (ChargeOutcome.Approved, EventTypes.GatewayApproved, (string?)null),
            GatewayStatus.Declined => (ChargeOutcome.Rejected, EventTypes.GatewayRejected, response.Reason ?? FailureReasons.GatewayRejected),
            GatewayStatus.Unknown => (ChargeOutcome.Unknown, null, response.Reason),
            GatewayStatus.CircuitOpen => (ChargeOutcome.CircuitOpen, EventTypes.GatewayRejected, FailureReasons.GatewayUnavailable),
            _ => (ChargeOutcome.Unavailable, EventTypes.GatewayRejected, FailureReasons.GatewayUnavailable),
        };
        if (type is null)
        {
            return new ChargeResult(outcome, reason, null);
        }

        // The payment announces it with its other events, in order.
        var paymentEvent = PaymentEvent.Create(type, request.PaymentId, request.UserId, request.Amount, now, reason)
            with { GatewayReference = response.GatewayReference };
        return new ChargeResult(outcome, reason, paymentEvent);
    }
}
