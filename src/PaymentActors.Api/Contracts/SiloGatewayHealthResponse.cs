using System.ComponentModel;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Contracts;

/// <summary>One silo's circuit breaker: each silo has its own gateway client.</summary>
public sealed record SiloGatewayHealthResponse(
    [property: Description("The silo's address, as in GET /cluster.")]
    string Silo,
    [property: Description("closed, open, half_open or isolated.")]
    string State,
    long RecentFailures,
    long RecentSuccesses,
    long TotalFailures,
    long TotalSuccesses,
    long RejectedCalls,
    int TimesOpened,
    DateTime? LastOpenedAt,
    DateTime? OpenUntil,
    DateTime? LastClosedAt)
{
    public static SiloGatewayHealthResponse From(SiloGatewayHealth silo) => new(
        silo.Silo,
        silo.Health.State,
        silo.Health.RecentFailures,
        silo.Health.RecentSuccesses,
        silo.Health.TotalFailures,
        silo.Health.TotalSuccesses,
        silo.Health.RejectedCalls,
        silo.Health.TimesOpened,
        silo.Health.LastOpenedAt?.UtcDateTime,
        silo.Health.OpenUntil?.UtcDateTime,
        silo.Health.LastClosedAt?.UtcDateTime);
}
