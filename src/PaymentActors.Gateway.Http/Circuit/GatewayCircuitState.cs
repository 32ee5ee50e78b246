using Microsoft.Extensions.Options;
using PaymentActors.Gateway.Http.Options;
using Polly.CircuitBreaker;

namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// Mirrors the gateway breaker: the state comes straight from Polly's <see cref="CircuitBreakerStateProvider"/>,
/// the rest from the breaker's callbacks (which Polly may run just after the transition, never out of order).
/// </summary>
internal sealed class GatewayCircuitState : IGatewayCircuitState
{
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly RollingOutcomeWindow window;
    private readonly TimeSpan windowLength;
    private long totalFailures;
    private long totalSuccesses;
    private long rejectedCalls;
    private int timesOpened;
    private DateTimeOffset? lastOpenedAt;
    private DateTimeOffset? openUntil;
    private DateTimeOffset? lastClosedAt;

    public GatewayCircuitState(IOptions<HttpGatewayOptions> options, TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        windowLength = options.Value.BreakerSamplingDuration;
        window = new RollingOutcomeWindow(windowLength, timeProvider);
    }

    /// <summary>Handed to the one breaker this state describes.</summary>
    public CircuitBreakerStateProvider StateProvider { get; } = new();

    public GatewayCircuitStatus Status => StateProvider.CircuitState switch
    {
        CircuitState.Open => GatewayCircuitStatus.Open,
        CircuitState.HalfOpen => GatewayCircuitStatus.HalfOpen,
        CircuitState.Isolated => GatewayCircuitStatus.Isolated,
        _ => GatewayCircuitStatus.Closed,
    };

    public GatewayCircuitSnapshot GetSnapshot()
    {
        var status = Status;
        var (recentFailures, recentSuccesses) = window.Read();
        lock (gate)
        {
            return new GatewayCircuitSnapshot(
                status,
                status.ToWireName(),
                recentFailures,
                recentSuccesses,
                windowLength,
                Interlocked.Read(ref totalFailures),
                Interlocked.Read(ref totalSuccesses),
                Interlocked.Read(ref rejectedCalls),
                timesOpened,
                lastOpenedAt,
                status is GatewayCircuitStatus.Open or GatewayCircuitStatus.Isolated ? openUntil : null,
                lastClosedAt);
        }
    }

    public void RecordAttempt(bool failed)
    {
        window.Record(failed);
        Interlocked.Increment(ref failed ? ref totalFailures : ref totalSuccesses);
    }

    public void RecordRejected() => Interlocked.Increment(ref rejectedCalls);

    public void Opened(TimeSpan breakDuration)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            timesOpened++;
            lastOpenedAt = now;
            openUntil = breakDuration == TimeSpan.MaxValue ? null : now + breakDuration;
        }
    }

    public void Closed()
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            lastClosedAt = now;
            openUntil = null;
        }
    }
}
