using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PaymentActors.Events;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// Seed 003's figures for this silo: catalogue events published (by type), delivered to each subscriber, and pending
/// (published here minus delivered here; Prometheus sums them over silos). Counts events, not stream items.
/// </summary>
public sealed class EventDeliveryMetrics
{
    public const string MetricsCollector = "metrics_collector";
    public const string FailureRecorder = EventFigures.FailureRecorder;

    /// <summary>The subscribers of the event stream, so that pending is reported before their first delivery.</summary>
    public static readonly IReadOnlyList<string> Subscribers = [MetricsCollector, FailureRecorder];

    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly Counter<long> _publishedCounter;
    private readonly Counter<long> _deliveredCounter;

    public EventDeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(PaymentMetrics.MeterName);
        _publishedCounter = meter.CreateCounter<long>("paymentactors.events.published", "{event}", "Catalogue events published on the event stream, by event type.");
        _deliveredCounter = meter.CreateCounter<long>("paymentactors.events.delivered", "{event}", "Catalogue events delivered to a subscriber, by subscriber.");
        meter.CreateObservableGauge(
            "paymentactors.events.pending",
            () => Subscribers.Select(subscriber => new Measurement<long>(
                ExpectedBy(subscriber) - _delivered.GetValueOrDefault(subscriber), new KeyValuePair<string, object?>("subscriber", subscriber))),
            "{event}",
            "Events published by this silo minus events delivered to the subscriber on this silo (summed over silos: the backlog).");
        foreach (var subscriber in Subscribers)
        {
            _delivered.TryAdd(subscriber, 0);
        }
    }

    private long PublishedTotal => _published.Values.Sum();

    // The failure recorder listens to the failures stream only.
    private long ExpectedBy(string subscriber) =>
        subscriber == FailureRecorder ? _published.GetValueOrDefault(EventTypes.PaymentFailed) : PublishedTotal;

    public void Published(PaymentEvent paymentEvent)
    {
        _published.AddOrUpdate(paymentEvent.Type, 1, static (_, count) => count + 1);
        _publishedCounter.Add(1, new KeyValuePair<string, object?>("type", paymentEvent.Type));
    }

    public void Delivered(string subscriber)
    {
        _delivered.AddOrUpdate(subscriber, 1, static (_, count) => count + 1);
        _deliveredCounter.Add(1, new KeyValuePair<string, object?>("subscriber", subscriber));
    }

    public EventFigures Snapshot() => new(
        new SortedDictionary<string, long>(_published, StringComparer.Ordinal),
        new SortedDictionary<string, long>(_delivered, StringComparer.Ordinal),
        Silos: 1);
}
