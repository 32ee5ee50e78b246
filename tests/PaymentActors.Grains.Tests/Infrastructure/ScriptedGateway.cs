using System.Collections.Concurrent;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// A gateway whose answer per payment the test decides: approve (default), decline, or never answer.
/// It counts charges so tests can assert a payment was charged once.
/// </summary>
public sealed class ScriptedGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, Func<Task<GatewayResponse>>> _scripts = new();
    private readonly ConcurrentDictionary<string, GatewayResponse> _charged = new();
    private readonly ConcurrentDictionary<string, int> _chargeCalls = new();
    private readonly ConcurrentDictionary<string, RefundRequest> _refunds = new();
    private readonly ConcurrentQueue<TaskCompletionSource<GatewayResponse>> _hung = new();

    public void Decline(string paymentId) => _scripts[paymentId] = () => Task.FromResult(GatewayResponse.Declined("card_declined"));

    /// <summary>The charge hangs until <see cref="ReleaseHungCharges"/>, then its outcome is unknown.</summary>
    public void NeverAnswer(string paymentId) => _scripts[paymentId] = () =>
    {
        var hung = new TaskCompletionSource<GatewayResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _hung.Enqueue(hung);
        return hung.Task;
    };

    /// <summary>Lets hung charges end (with an unknown outcome), so that a silo can stop without waiting on them.</summary>
    public void ReleaseHungCharges()
    {
        while (_hung.TryDequeue(out var hung))
        {
            hung.TrySetResult(new GatewayResponse(GatewayStatus.Unknown, "released at shutdown"));
        }
    }

    /// <summary>The charge times out before it reaches the gateway: the outcome is unknown and nothing is recorded.</summary>
    public void LoseInTransit(string paymentId) => _scripts[paymentId] = () => Task.FromResult(new GatewayResponse(GatewayStatus.Unknown, "timeout"));

    /// <summary>The gateway says it is unavailable (nothing charged) for the first <paramref name="times"/> charges, then approves.</summary>
    public void UnavailableFor(string paymentId, int times)
    {
        var remaining = times;
        _scripts[paymentId] = () => Task.FromResult(Interlocked.Decrement(ref remaining) >= 0
            ? new GatewayResponse(GatewayStatus.Unavailable, "503 from the gateway")
            : GatewayResponse.Approved());
    }

    public int ChargeCalls(string paymentId) => _chargeCalls.GetValueOrDefault(paymentId);

    public bool WasRefunded(string paymentId) => _refunds.Values.Any(r => r.PaymentId == paymentId);

    public async Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        _chargeCalls.AddOrUpdate(request.PaymentId, 1, (_, n) => n + 1);
        if (_charged.TryGetValue(request.PaymentId, out var earlier))
        {
            return earlier;
        }

        var response = _scripts.TryGetValue(request.PaymentId, out var script) ? await script() : GatewayResponse.Approved();
        return response.Status is GatewayStatus.Unknown or GatewayStatus.Unavailable ? response : _charged.GetOrAdd(request.PaymentId, response);
    }

    public Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken) =>
        Task.FromResult(_charged.GetValueOrDefault(paymentId) ?? new GatewayResponse(GatewayStatus.NotFound));

    public Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        _refunds.TryAdd(request.RefundId, request);
        return Task.FromResult(GatewayResponse.Approved());
    }
}
