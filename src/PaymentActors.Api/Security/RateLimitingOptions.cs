namespace PaymentActors.Api.Security;

/// <summary>
/// Token buckets per principal (per client address before authentication), bound from "RateLimiting". Users refill
/// <see cref="PermitsPerSecond"/> a second up to <see cref="Burst"/>; operators (the back office, the load tester) have
/// their own, much higher bucket so that a benchmark is never throttled while one user still cannot flood the system.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 40;

    public int OperatorPermitsPerSecond { get; set; } = 100_000;

    public int OperatorBurst { get; set; } = 100_000;

    /// <summary>
    /// The most <c>POST /payments?wait=true</c> requests held open at once (each holds a connection for up to
    /// <c>Api:WaitTimeout</c>); past it the created payment is answered at once with 202.
    /// </summary>
    public int MaxConcurrentWaits { get; set; } = 1_000;
}
