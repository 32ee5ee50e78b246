using PaymentActors.MockGateway.Options;

namespace PaymentActors.MockGateway.Behaviour;

/// <summary>The behaviour in force: immutable, swapped whole so a call never sees half an update.</summary>
public sealed record GatewayBehaviour(
    double FailRate,
    int LatencyMinMs,
    int LatencyMaxMs,
    double TimeoutRate,
    int TimeoutHoldMs,
    bool Outage,
    int Seed,
    double CaptureFailRate = 0,
    int AuthorizationTtlSeconds = GatewayBehaviour.DefaultAuthorizationTtlSeconds)
{
    /// <summary>Seven days, as card networks hold an uncaptured authorization.</summary>
    public const int DefaultAuthorizationTtlSeconds = 7 * 24 * 3600;
    public const int MaxAuthorizationTtlSeconds = 31 * 24 * 3600;

    public const int MaxLatencyMs = 60_000;
    public const int MaxHoldMs = 3_600_000;

    public static GatewayBehaviour FromOptions(GatewayBehaviourOptions options, int seed) => new(
        options.FailRate,
        options.LatencyMinMs,
        options.LatencyMaxMs,
        options.TimeoutRate,
        options.TimeoutHoldMs,
        options.Outage,
        seed,
        options.CaptureFailRate,
        options.AuthorizationTtlSeconds);

    public BehaviourViolation? FindViolation()
    {
        // "is >= 0 and <= 1" is false for NaN too.
        if (FailRate is not (>= 0 and <= 1))
        {
            return new("fail_rate", "fail_rate must be between 0 and 1.");
        }

        if (CaptureFailRate is not (>= 0 and <= 1))
        {
            return new("capture_fail_rate", "capture_fail_rate must be between 0 and 1.");
        }

        if (AuthorizationTtlSeconds is < 1 or > MaxAuthorizationTtlSeconds)
        {
            return new("authorization_ttl_seconds", $"authorization_ttl_seconds must be between 1 and {MaxAuthorizationTtlSeconds}.");
        }

        if (TimeoutRate is not (>= 0 and <= 1))
        {
            return new("timeout_rate", "timeout_rate must be between 0 and 1.");
        }

        if (LatencyMinMs is < 0 or > MaxLatencyMs)
        {
            return new("latency_min_ms", $"latency_min_ms must be between 0 and {MaxLatencyMs}.");
        }

        if (LatencyMaxMs is < 0 or > MaxLatencyMs)
        {
            return new("latency_max_ms", $"latency_max_ms must be between 0 and {MaxLatencyMs}.");
        }

        if (LatencyMinMs > LatencyMaxMs)
        {
            return new("latency_min_ms", "latency_min_ms must not exceed latency_max_ms.");
        }

        if (TimeoutHoldMs is < 0 or > MaxHoldMs)
        {
            return new("timeout_hold_ms", $"timeout_hold_ms must be between 0 and {MaxHoldMs}.");
        }

        return null;
    }
}
