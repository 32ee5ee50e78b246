using PaymentActors.Gateway.Http.Options;
using Polly.CircuitBreaker;

namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// Mirrors the gateway breaker: the state comes straight from Polly's <see cref="CircuitBreakerStateProvider"/>,
/// the rest from the breaker's callbacks (which Polly may run just after the transition, never out of order).
/// </summary>
internal sealed class GatewayCircuitState : IGatewayCircuitState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly RollingOutcomeWindow _window;
    private readonly TimeSpan _windowLength;
    private long _totalFailures;
    private long _totalSuccesses;
    private long _rejectedCalls;
    private int _timesOpened;
    private DateTimeOffset? _lastOpenedAt;
    private DateTimeOffset? _openUntil;
    private DateTimeOffset? _lastClosedAt;

    public GatewayCircuitState(HttpGatewayOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _windowLength = options.BreakerSamplingDuration;
        _window = new RollingOutcomeWindow(_windowLength, timeProvider);
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
        var (recentFailures, recentSuccesses) = _window.Read();
        lock (_gate)
        {
            return new GatewayCircuitSnapshot(
                status,
                status.ToWireName(),
                recentFailures,
                recentSuccesses,
                _windowLength,
                Interlocked.Read(ref _totalFailures),
                Interlocked.Read(ref _totalSuccesses),
                Interlocked.Read(ref _rejectedCalls),
                _timesOpened,
                _lastOpenedAt,
                status is GatewayCircuitStatus.Open or GatewayCircuitStatus.Isolated ? _openUntil : null,
                _lastClosedAt);
        }
    }

    public void RecordAttempt(bool failed)
    {
        _window.Record(failed);
        Interlocked.Increment(ref failed ? ref _totalFailures : ref _totalSuccesses);
    }

    public void RecordRejected() => Interlocked.Increment(ref _rejectedCalls);

    public void Opened(TimeSpan breakDuration)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            _timesOpened++;
            _lastOpenedAt = now;
            _openUntil = breakDuration == TimeSpan.MaxValue ? null : now + breakDuration;
        }
    }

    public void Closed()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            _lastClosedAt = now;
            _openUntil = null;
        }
    }
}
