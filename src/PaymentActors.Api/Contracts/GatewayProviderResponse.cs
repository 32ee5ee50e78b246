using System.ComponentModel;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Contracts;

/// <summary>One payment provider: its configuration, its breakers (one per silo) combined and each, and its call figures.</summary>
public sealed record GatewayProviderResponse(
    [property: Description("The provider's name (PaymentGateway:Providers:<name>; in the one-provider form PaymentActors:GatewayProvider, \"mock\").")]
    string Name,
    [property: Description("The payment methods it serves: card, paypal.")]
    IReadOnlyList<string> Methods,
    [property: Description("The currencies it takes; empty: any.")]
    IReadOnlyList<string> Currencies,
    [property: Description("Its routing priority: lower is tried first, ties by name.")]
    int Priority,
    [property: Description("Whether calls that name no provider go to it (the first card provider); the top-level fields describe it.")]
    bool Default,
    [property: Description("Its breakers over the cluster: open when every silo's is open, else closed when any silo's is closed, else half_open.")]
    string State,
    long RecentFailures,
    long RecentSuccesses,
    long TotalFailures,
    long TotalSuccesses,
    [property: Description("Calls refused by an open breaker without reaching it.")]
    long RejectedCalls,
    int TimesOpened,
    DateTime? LastOpenedAt,
    [property: Description("While open: when the first silo lets its next probe through.")]
    DateTime? OpenUntil,
    DateTime? LastClosedAt,
    [property: Description("Calls to it summed over the silos: attempts, approvals, declines, not processed, unknown, failovers, latency.")]
    GatewayProviderFiguresResponse Calls,
    [property: Description("Each active silo's breaker for this provider.")]
    IReadOnlyList<SiloGatewayHealthResponse> Silos)
{
    public static GatewayProviderResponse From(IReadOnlyList<SiloProviderReport> reports)
    {
        var provider = reports[0].Provider;
        var health = GatewayHealthSummary.Combine(provider.Name, [.. reports.Select(r => r.Health)]);
        return new(
            provider.Name,
            provider.Methods,
            provider.Currencies,
            provider.Priority,
            reports[0].IsDefault,
            health.State,
            health.RecentFailures,
            health.RecentSuccesses,
            health.TotalFailures,
            health.TotalSuccesses,
            health.RejectedCalls,
            health.TimesOpened,
            health.LastOpenedAt?.UtcDateTime,
            health.OpenUntil?.UtcDateTime,
            health.LastClosedAt?.UtcDateTime,
            GatewayProviderFiguresResponse.Summed(reports)[0],
            [.. reports.Select(r => SiloGatewayHealthResponse.From(new SiloGatewayHealth(r.Silo, r.Health)))]);
    }
}
