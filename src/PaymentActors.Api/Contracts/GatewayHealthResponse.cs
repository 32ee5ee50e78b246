using System.ComponentModel;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Contracts;

/// <summary>
/// The payment gateway's circuit breakers as operators see them: at the top the default provider (the first-priority
/// card provider; the only one in the one-provider form) with the cluster's overall state and summed counts (the shape
/// of the single-provider days) and each silo's breaker under <c>silos</c>; every provider under <c>providers</c>.
/// </summary>
public sealed record GatewayHealthResponse(
    [property: Description("The provider the top-level fields describe: the first-priority card provider (mock-a as ./run.sh starts it), or the one provider (PaymentActors:GatewayProvider, \"mock\" by default).")]
    string Provider,
    [property: Description("The cluster's state: open when every silo's breaker is open (payments fail fast everywhere), else closed when any silo's is closed, else half_open (isolated when every silo's is isolated).")]
    string State,
    [property: Description("Failed gateway attempts within the sampling window, summed over the silos (as are the other counts).")]
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
    [property: Description("While open: when the first silo lets its next probe through.")]
    DateTime? OpenUntil,
    DateTime? LastClosedAt,
    [property: Description("Each active silo's breaker.")]
    IReadOnlyList<SiloGatewayHealthResponse> Silos,
    [property: Description("Every provider in routing order (priority, then name): methods, currencies, breakers, call figures and each silo's breaker.")]
    IReadOnlyList<GatewayProviderResponse> Providers)
{
    public static GatewayHealthResponse From(IReadOnlyList<SiloProviderReport> reports)
    {
        var providers = reports.GroupBy(r => r.Provider.Name, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var top = providers.FirstOrDefault(p => p[0].IsDefault) ?? providers[0];
        var provider = top[0].Provider.Name;
        var silos = top.Select(r => new SiloGatewayHealth(r.Silo, r.Health)).ToList();
        var health = GatewayHealthSummary.Combine(provider, [.. silos.Select(s => s.Health)]);
        return new(
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
        health.LastClosedAt?.UtcDateTime,
        [.. silos.Select(SiloGatewayHealthResponse.From)],
        [.. providers.Select(GatewayProviderResponse.From)]);
    }
}
