using System.ComponentModel;
using PaymentActors.Gateway;
using PaymentActors.Metrics;

namespace PaymentActors.Api.Contracts;

/// <summary>The metrics of the service design (seed 000), summed over the whole cluster.</summary>
public sealed record MetricsSummaryResponse(
    [property: Description("EventCount: events seen, by event type.")]
    IReadOnlyDictionary<string, long> EventCount,
    [property: Description("PaymentAmount: sum of the amounts carried by each event type, by currency, as strings.")]
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PaymentAmount,
    [property: Description("PaymentSuccess: completed payments.")]
    long PaymentSuccess,
    [property: Description("PaymentFailure: failed payments, by failure type.")]
    IReadOnlyDictionary<string, long> PaymentFailure,
    [property: Description("Seed 003's event figures: published, delivered and pending per subscriber.")]
    EventFiguresResponse Events,
    [property: Description("Requests sent to Azure Storage by every process of the system (silos and front door), reads and writes.")]
    StorageFiguresResponse Storage,
    [property: Description("Calls to each payment provider, summed over the silos, in routing order: attempts, approvals, declines, not processed, unknown, failovers from and to it, latency.")]
    IReadOnlyList<GatewayProviderFiguresResponse> GatewayProviders)
{
    public static MetricsSummaryResponse From(MetricsSnapshot snapshot, EventFigures events, StorageFigures storage, IReadOnlyList<SiloProviderReport> providers) => new(
        new SortedDictionary<string, long>(snapshot.EventCount.ToDictionary(), StringComparer.Ordinal),
        snapshot.PaymentAmount
            .GroupBy(a => a.EventType, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                IReadOnlyDictionary<string, string> (g) => g.ToDictionary(a => a.Currency, a => Money.Money.Format(a.Total, a.Currency), StringComparer.Ordinal),
                StringComparer.Ordinal),
        snapshot.PaymentSuccess,
        new SortedDictionary<string, long>(snapshot.PaymentFailure.ToDictionary(), StringComparer.Ordinal),
        EventFiguresResponse.From(events),
        StorageFiguresResponse.From(storage),
        GatewayProviderFiguresResponse.Summed(providers));
}
