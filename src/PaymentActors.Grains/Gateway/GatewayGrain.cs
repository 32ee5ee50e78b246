using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Gateway;

/// <summary>
/// The payment providers. A stateless worker, so every silo calls its own activation (no hop to another silo, and no
/// single activation for the whole cluster); one reentrant activation per silo is enough, since calls only wait on I/O.
/// Resilience (timeouts, retries, one circuit breaker per provider) lives in each provider's <see cref="IPaymentGateway"/>
/// client, shared by the whole silo. The calls without a provider go to the catalogue's default provider.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class GatewayGrain(
    IGatewayProviderCatalog catalog,
    IGatewayHealthSource health,
    GatewayProviderStats stats,
    [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
    ILogger<GatewayGrain> logger) : Grain, IGatewayGrain
{
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request)
    {
        var provider = catalog.Default.Name;
        var response = await CallAsync(provider, "charge", request.FailoverFrom, gateway => gateway.ChargeAsync(request, CancellationToken.None));
        return ToResult(request, response);
    }

    public async Task<RefundReply> RefundAsync(RefundRequest request)
    {
        var response = await CallAsync(catalog.Default.Name, "refund", null, gateway => gateway.RefundAsync(request, CancellationToken.None));
        GatewayLog.Refund(logger, request.PaymentId, response.Status.ToString());
        return response.Status switch
        {
            GatewayStatus.Approved => new RefundReply(true, response.GatewayReference),
            GatewayStatus.Declined => new RefundReply(false),
            _ => throw new TimeoutException($"Refund {request.RefundId} got no definite answer ({response.Status}: {response.Reason})."),
        };
    }

    public Task<GatewayHealth> GetHealthAsync() => Task.FromResult(health.GetHealth(this.GetPrimaryKeyString()));

    public Task<IReadOnlyList<string>> GetRouteAsync(string paymentMethod, string currency) =>
        Task.FromResult(GatewayRouting.Route(catalog.Providers, paymentMethod, currency));

    public Task<IReadOnlyList<GatewayProvider>> GetProvidersAsync() => Task.FromResult(catalog.Providers);

    public Task<GatewayCallResult> ChargeAtAsync(string provider, ChargeRequest request) =>
        CallAtAsync(provider, "charge", request.FailoverFrom, gateway => gateway.ChargeAsync(request, CancellationToken.None));

    public Task<GatewayCallResult> AuthorizeAtAsync(string provider, AuthorizeRequest request) =>
        CallAtAsync(provider, "authorize", request.FailoverFrom, gateway => gateway.AuthorizeAsync(request, CancellationToken.None));

    public Task<GatewayCallResult> CaptureAtAsync(string provider, CaptureRequest request) =>
        CallAtAsync(provider, "capture", null, gateway => gateway.CaptureAsync(request, CancellationToken.None));

    public Task<GatewayCallResult> VoidAtAsync(string provider, VoidAuthorizationRequest request) =>
        CallAtAsync(provider, "void", null, gateway => gateway.VoidAsync(request, CancellationToken.None));

    public Task<GatewayCallResult> RefundAtAsync(string provider, RefundRequest request) =>
        CallAtAsync(provider, "refund", null, gateway => gateway.RefundAsync(request, CancellationToken.None));

    /// <summary>What a gateway's answer proves; only an explicit <see cref="GatewayResponse.NotProcessed"/> lets a payment go elsewhere.</summary>
    public static GatewayCallOutcome Classify(GatewayResponse response) => response.Status switch
    {
        GatewayStatus.Approved => GatewayCallOutcome.Approved,
        GatewayStatus.Declined => GatewayCallOutcome.Declined,
        _ when response.NotProcessed => GatewayCallOutcome.NotProcessed,
        _ => GatewayCallOutcome.Unknown,
    };

    private async Task<GatewayCallResult> CallAtAsync(string provider, string operation, string? failoverFrom, Func<IPaymentGateway, Task<GatewayResponse>> call)
    {
        var response = await CallAsync(provider, operation, failoverFrom, call);
        return new GatewayCallResult(
            Classify(response),
            provider,
            response.Reason,
            response.GatewayReference,
            response.ExpiresAt,
            response.Status == GatewayStatus.CircuitOpen);
    }

    private async Task<GatewayResponse> CallAsync(string provider, string operation, string? failoverFrom, Func<IPaymentGateway, Task<GatewayResponse>> call)
    {
        if (!catalog.TryGetGateway(provider, out var gateway))
        {
            throw new ArgumentException($"'{provider}' is not a configured payment provider.", nameof(provider));
        }

        var started = Stopwatch.GetTimestamp();
        var response = await call(gateway);
        stats.Record(provider, operation, Classify(response), Stopwatch.GetElapsedTime(started), failoverFrom);
        return response;
    }

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
