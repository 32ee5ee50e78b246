namespace PaymentActors.Gateway;

/// <summary>
/// The gateway's circuit breaker as operators see it: state (closed, open, half_open), recent and total
/// outcomes, and when it last opened and closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.GatewayHealth")]
public sealed record GatewayHealth(
    [property: Id(0)] string Provider,
    [property: Id(1)] string State,
    [property: Id(2)] long RecentFailures,
    [property: Id(3)] long RecentSuccesses,
    [property: Id(4)] TimeSpan Window,
    [property: Id(5)] long TotalFailures,
    [property: Id(6)] long TotalSuccesses,
    [property: Id(7)] long RejectedCalls,
    [property: Id(8)] int TimesOpened,
    [property: Id(9)] DateTimeOffset? LastOpenedAt,
    [property: Id(10)] DateTimeOffset? OpenUntil,
    [property: Id(11)] DateTimeOffset? LastClosedAt);
