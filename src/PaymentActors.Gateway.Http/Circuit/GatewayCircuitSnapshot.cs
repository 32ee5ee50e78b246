namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>What the gateway circuit breaker looks like right now.</summary>
/// <param name="Status">The breaker's state. Open turns half-open lazily, on the first call after the break.</param>
/// <param name="State">The state's wire name: closed, open, half_open or isolated.</param>
/// <param name="RecentFailures">Attempts the breaker counted as failures within the last <paramref name="Window"/>.</param>
/// <param name="RecentSuccesses">Attempts the breaker counted as successes within the last <paramref name="Window"/>.</param>
/// <param name="Window">The breaker's sampling duration.</param>
/// <param name="TotalFailures">Failed attempts since start.</param>
/// <param name="TotalSuccesses">Successful attempts since start (a decline is a success: the gateway answered).</param>
/// <param name="RejectedCalls">Calls refused without reaching the gateway because the circuit was open.</param>
/// <param name="TimesOpened">How often the circuit opened since start.</param>
/// <param name="LastOpenedAt">When it last opened.</param>
/// <param name="OpenUntil">While open: when the next call may probe the gateway.</param>
/// <param name="LastClosedAt">When it last closed again.</param>
public sealed record GatewayCircuitSnapshot(
    GatewayCircuitStatus Status,
    string State,
    long RecentFailures,
    long RecentSuccesses,
    TimeSpan Window,
    long TotalFailures,
    long TotalSuccesses,
    long RejectedCalls,
    int TimesOpened,
    DateTimeOffset? LastOpenedAt,
    DateTimeOffset? OpenUntil,
    DateTimeOffset? LastClosedAt);
