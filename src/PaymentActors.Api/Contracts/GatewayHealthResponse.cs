using System.ComponentModel;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Contracts;

/// <summary>The payment gateway's circuit breaker as operators see it.</summary>
public sealed record GatewayHealthResponse(
    [property: Description("The gateway provider (PaymentActors:GatewayProvider, \"mock\" by default).")]
    string Provider,
    [property: Description("closed (calls flow), open (calls fail fast without reaching the gateway), half_open (one probe is let through) or isolated.")]
    string State,
    [property: Description("Failed gateway attempts within the sampling window.")]
    long RecentFailures,
    [property: Description("Successful gateway attempts within the sampling window.")]
    long RecentSuccesses,
    [property: Description("The sampling window, in seconds (0 for the in-process simulated gateway, which has no breaker).")]
    double WindowSeconds,
    long TotalFailures,
    long TotalSuccesses,
    [property: Description("Calls refused by the open circuit without reaching the gateway.")]
    long RejectedCalls,
    int TimesOpened,
    DateTime? LastOpenedAt,
    [property: Description("While open: when the next probe is let through.")]
    DateTime? OpenUntil,
    DateTime? LastClosedAt)
{
    public static GatewayHealthResponse From(GatewayHealth health) => new(
        health.Provider,
        health.State,
        health.RecentFailures,
        health.RecentSuccesses,
        health.Window.TotalSeconds,
        health.TotalFailures,
        health.TotalSuccesses,
        health.RejectedCalls,
        health.TimesOpened,
        health.LastOpenedAt?.UtcDateTime,
        health.OpenUntil?.UtcDateTime,
        health.LastClosedAt?.UtcDateTime);
}
