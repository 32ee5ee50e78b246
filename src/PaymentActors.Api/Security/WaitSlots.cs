using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Security;

/// <summary>
/// Caps the <c>?wait=true</c> requests held open at once. Past the cap a payment is answered at once with 202 rather
/// than 429: the payment already exists, and a refusal would invite the client to create it again.
/// </summary>
public sealed class WaitSlots(IOptions<RateLimitingOptions> options) : IDisposable
{
    // A cap of 0 grants no wait at all; the limiter itself needs at least one permit.
    private readonly ConcurrencyLimiter? _limiter = options.Value.MaxConcurrentWaits == 0
        ? null
        : new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrentWaits, QueueLimit = 0 });

    /// <summary>A slot to wait in (dispose it when done), or null when every slot is taken.</summary>
    public IDisposable? TryTake()
    {
        var lease = _limiter?.AttemptAcquire();
        if (lease is { IsAcquired: true }) return lease;
        lease?.Dispose();
        return null;
    }

    public void Dispose() => _limiter?.Dispose();
}
