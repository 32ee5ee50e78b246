using System.Collections.Concurrent;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// A gateway whose answer per payment the test decides: approve (default), decline, refuse with an open breaker, or
/// answer late. Like a real gateway it is idempotent by payment id and attempt: a re-send of a decided charge gets the
/// same answer, a re-send of one still in flight gets "in progress". It counts charge calls and refunds per attempt.
/// </summary>
public sealed class ScriptedGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, Func<Task<GatewayResponse>>> _scripts = new();
    private readonly ConcurrentDictionary<(string, int), GatewayResponse> _charged = new();
    private readonly ConcurrentDictionary<(string, int), bool> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _chargeCalls = new();
    private readonly ConcurrentDictionary<string, RefundRequest> _refunds = new();
    private readonly ConcurrentQueue<(string PaymentId, TaskCompletionSource<GatewayResponse> Charge)> _hung = new();
    private readonly ConcurrentDictionary<string, bool> _released = new();
    private int _releases;

    public void Decline(string paymentId) => _scripts[paymentId] = () => Task.FromResult(GatewayResponse.Declined("card_declined"));

    /// <summary>
    /// The charge hangs until <see cref="ReleaseHungCharges"/>, then its outcome is unknown; a re-send of that payment's
    /// charge after that is declined at once. Other payments told to never answer still hang: the gateway is shared by
    /// fixtures that stop at different times.
    /// </summary>
    public void NeverAnswer(string paymentId) => _scripts[paymentId] = () =>
    {
        if (_released.ContainsKey(paymentId))
        {
            return Task.FromResult(GatewayResponse.Declined("gateway_stopped"));
        }

        var releasesBefore = Volatile.Read(ref _releases);
        var hung = new TaskCompletionSource<GatewayResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _hung.Enqueue((paymentId, hung));
        if (Volatile.Read(ref _releases) != releasesBefore)
        {
            // A release ran meanwhile and may have missed this charge: not left hanging.
            ReleaseHungCharges();
        }

        return hung.Task;
    };

    /// <summary>
    /// Lets hung charges end (with an unknown outcome) so that a silo can stop without waiting on them. A saga told
    /// "unknown" re-sends its charge: that re-send is declined, so it ends the saga instead of hanging the gateway
    /// grain's call again (the silo's graceful stop would wait on it for ever) or being re-sent in a loop.
    /// </summary>
    public void ReleaseHungCharges()
    {
        Interlocked.Increment(ref _releases);
        while (_hung.TryDequeue(out var hung))
        {
            _released[hung.PaymentId] = true;
            hung.Charge.TrySetResult(new GatewayResponse(GatewayStatus.Unknown, "released at shutdown"));
        }
    }

    /// <summary>The first <paramref name="times"/> sends time out before reaching the gateway: unknown outcome, nothing recorded.</summary>
    public void LoseInTransit(string paymentId, int times = 1)
    {
        var remaining = times;
        _scripts[paymentId] = () => Task.FromResult(Interlocked.Decrement(ref remaining) >= 0
            ? new GatewayResponse(GatewayStatus.Unknown, "timeout")
            : GatewayResponse.Approved());
    }

    /// <summary>
    /// The first send times out while its request is still on its way: the gateway has no record of it (a lookup
    /// says not found) until <see cref="Land"/>, when it is approved; re-sends meanwhile are "in progress".
    /// </summary>
    public void LandLate(string paymentId) => _inFlight[(paymentId, 0)] = true;

    /// <summary>The late request of <see cref="LandLate"/> reaches the gateway: the money is charged.</summary>
    public void Land(string paymentId)
    {
        _charged.TryAdd((paymentId, 0), GatewayResponse.Approved());
        _inFlight.TryRemove((paymentId, 0), out _);
    }

    /// <summary>The charge waits until the test opens the returned gate, then is approved.</summary>
    public TaskCompletionSource HoldCharge(string paymentId)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _scripts[paymentId] = async () =>
        {
            await gate.Task;
            return GatewayResponse.Approved();
        };
        return gate;
    }

    /// <summary>The adapter's breaker refuses every charge before sending it.</summary>
    public void BreakerOpen(string paymentId) => _scripts[paymentId] = () =>
        Task.FromResult(new GatewayResponse(GatewayStatus.CircuitOpen, "circuit_open"));

    /// <summary>The gateway says it is unavailable (nothing charged) for the first <paramref name="times"/> charges, then approves.</summary>
    public void UnavailableFor(string paymentId, int times)
    {
        var remaining = times;
        _scripts[paymentId] = () => Task.FromResult(Interlocked.Decrement(ref remaining) >= 0
            ? new GatewayResponse(GatewayStatus.Unavailable, "503 from the gateway")
            : GatewayResponse.Approved());
    }

    /// <summary>The gateway's own id for a refund it approved.</summary>
    public static string ReferenceOf(string refundId) => "scripted-" + refundId;

    public int ChargeCalls(string paymentId) => _chargeCalls.GetValueOrDefault(paymentId);

    /// <summary>Whether the gateway holds an approved charge of this attempt.</summary>
    public bool WasCharged(string paymentId, int attempt = 0) =>
        _charged.TryGetValue((paymentId, attempt), out var charge) && charge.Status == GatewayStatus.Approved;

    public bool WasRefunded(string paymentId) => _refunds.Values.Any(r => r.PaymentId == paymentId);

    public bool WasRefunded(string paymentId, int attempt) => _refunds.Values.Any(r => r.PaymentId == paymentId && r.Attempt == attempt);

    public async Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        _chargeCalls.AddOrUpdate(request.PaymentId, 1, (_, n) => n + 1);
        var key = (request.PaymentId, request.Attempt);
        if (_charged.TryGetValue(key, out var earlier))
        {
            return earlier;
        }

        if (_inFlight.ContainsKey(key))
        {
            // The first request is still on its way: no record yet, and no answer for the re-send but "in progress".
            return new GatewayResponse(GatewayStatus.Unknown, "in_progress");
        }

        var response = _scripts.TryGetValue(request.PaymentId, out var script) ? await script() : GatewayResponse.Approved();
        return response.Status is GatewayStatus.Approved or GatewayStatus.Declined ? _charged.GetOrAdd(key, response) : response;
    }

    public Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken) =>
        Task.FromResult(_charged.GetValueOrDefault((paymentId, 0)) ?? new GatewayResponse(GatewayStatus.NotFound));

    public Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        _refunds.TryAdd(request.RefundId, request);
        return Task.FromResult(GatewayResponse.Approved(ReferenceOf(request.RefundId)));
    }
}
