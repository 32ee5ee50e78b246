using System.ComponentModel;
using PaymentActors.Gateway;

namespace PaymentActors.Api.Contracts;

/// <summary>Calls to one payment provider, summed over the silos since each started.</summary>
public sealed record GatewayProviderFiguresResponse(
    [property: Description("The provider (PaymentGateway:Providers:<name>).")]
    string Provider,
    [property: Description("Calls made to it: charges, authorizations, captures, voids and refunds (a client's retries of one call count once).")]
    long Attempts,
    [property: Description("Calls it approved.")]
    long Approvals,
    [property: Description("Calls it declined (business answers).")]
    long Declines,
    [property: Description("Calls it provably did not process: its breaker refused them, the connection was refused, or it answered that it processed nothing.")]
    long NotProcessed,
    [property: Description("Calls without a verdict that it may have processed (timeouts, broken connections, 5xx, still in progress): re-sent to it.")]
    long Unknown,
    [property: Description("Payments that moved from this provider to another because it provably did not take them.")]
    long FailoversFrom,
    [property: Description("Payments that came to this provider from another.")]
    long FailoversTo,
    [property: Description("Mean duration of its calls, in milliseconds (its client's retries included).")]
    double LatencyMeanMs,
    [property: Description("Longest call, in milliseconds.")]
    double LatencyMaxMs)
{
    public static GatewayProviderFiguresResponse From(GatewayProviderFigures figures) => new(
        figures.Provider,
        figures.Attempts,
        figures.Approvals,
        figures.Declines,
        figures.NotProcessed,
        figures.Unknown,
        figures.FailoversFrom,
        figures.FailoversTo,
        Math.Round(figures.LatencyMeanMs, 3),
        Math.Round(figures.LatencyMaxMs, 3));

    /// <summary>Each provider's figures summed over the silos, in routing order.</summary>
    public static IReadOnlyList<GatewayProviderFiguresResponse> Summed(IReadOnlyList<SiloProviderReport> reports) =>
    [
        .. reports
            .GroupBy(r => r.Provider.Name, StringComparer.Ordinal)
            .Select(g => From(g.Select(r => r.Figures).Aggregate(GatewayProviderFigures.Empty(g.Key), (sum, f) => sum.Add(f)))),
    ];
}
