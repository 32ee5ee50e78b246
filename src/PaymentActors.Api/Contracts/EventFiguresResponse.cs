using System.ComponentModel;
using PaymentActors.Grains.Metrics;
using PaymentActors.Metrics;

namespace PaymentActors.Api.Contracts;

/// <summary>Seed 003's event figures over the whole cluster: whether the subscribers keep up with the publishers.</summary>
public sealed record EventFiguresResponse(
    [property: Description("Catalogue events published on the event stream since the silos started, by event type.")]
    IReadOnlyDictionary<string, long> Published,
    [property: Description("All catalogue events published.")]
    long PublishedTotal,
    [property: Description("Events delivered to each subscriber (metrics_collector, failure_recorder).")]
    IReadOnlyDictionary<string, long> Delivered,
    [property: Description("Events published but not yet delivered, by subscriber.")]
    IReadOnlyDictionary<string, long> Pending,
    [property: Description("Silos whose counts are included.")]
    int Silos)
{
    public static EventFiguresResponse From(EventFigures figures)
    {
        var subscribers = EventDeliveryMetrics.Subscribers.Concat(figures.Delivered.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new(
            figures.Published,
            figures.PublishedTotal,
            subscribers.ToDictionary(s => s, s => figures.Delivered.GetValueOrDefault(s), StringComparer.Ordinal),
            subscribers.ToDictionary(s => s, figures.PendingFor, StringComparer.Ordinal),
            figures.Silos);
    }
}
