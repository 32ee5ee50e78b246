using System.Collections.Concurrent;
using PaymentActors.Gateway;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// A gateway that outlives the silos charging it, as a real one does: idempotent by payment id (a repeated or
/// concurrent charge of one payment shares the first charge's outcome), answering after a random latency, and
/// counting every call so that tests can tell "charged once" from "asked twice". Declines and lost answers are
/// scripted per payment; everything else is approved.
/// </summary>
public sealed class CountingGateway(TimeSpan minLatency, TimeSpan maxLatency) : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, GatewayResponse> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<GatewayResponse>>> _charges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _chargeCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefundRequest> _refunds = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _answered;

    public CountingGateway()
        : this(TimeSpan.Zero, TimeSpan.Zero)
    {
    }

    /// <summary>Charges that have been asked for and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Charge calls answered so far (approved or declined).</summary>
    public int Answered => Volatile.Read(ref _answered);

    public void Decline(string paymentId) => _scripts[paymentId] = GatewayResponse.Declined("card_declined");

    /// <summary>
    /// The gateway takes the charge and never answers, so every charge and every reconciliation ends as the HTTP
    /// adapter's timeout would: outcome unknown, the charge still processing.
    /// </summary>
    public void NeverAnswer(string paymentId) => _scripts[paymentId] = new GatewayResponse(GatewayStatus.Unknown, "no answer before the timeout");

    public int ChargeCalls(string paymentId) => _chargeCalls.GetValueOrDefault(paymentId);

    /// <summary>True when the gateway took money for the payment: its one charge was approved.</summary>
    public bool Charged(string paymentId) =>
        _charges.TryGetValue(paymentId, out var charge) && charge.IsValueCreated && charge.Value.IsCompletedSuccessfully &&
        charge.Value.Result.Status == GatewayStatus.Approved;

    public bool Refunded(string paymentId) => _refunds.Values.Any(r => r.PaymentId == paymentId);

    public async Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        _chargeCalls.AddOrUpdate(request.PaymentId, 1, (_, calls) => calls + 1);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var charge = _charges.GetOrAdd(request.PaymentId, id => new Lazy<Task<GatewayResponse>>(() => DecideAsync(id)));
            var response = await charge.Value;
            Interlocked.Increment(ref _answered);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken)
    {
        if (!_charges.TryGetValue(paymentId, out var charge))
        {
            return Task.FromResult(new GatewayResponse(GatewayStatus.NotFound));
        }

        // A charge still being processed (or never answered) has no outcome yet: the caller must ask again later.
        var task = charge.Value;
        return Task.FromResult(task.IsCompletedSuccessfully ? task.Result : new GatewayResponse(GatewayStatus.Unknown, "still processing"));
    }

    public Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        _refunds.TryAdd(request.RefundId, request);
        return Task.FromResult(GatewayResponse.Approved());
    }

    private async Task<GatewayResponse> DecideAsync(string paymentId)
    {
        var scripted = _scripts.GetValueOrDefault(paymentId);

        // Simulated processing time of the remote gateway, on the real clock: silos must be able to die during it.
        var latency = minLatency + ((maxLatency - minLatency) * Random.Shared.NextDouble());
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, TimeProvider.System);
        }

        return scripted ?? GatewayResponse.Approved();
    }
}
