using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// Counts the events of one stream partition. It changes no state and emits nothing (seed 000); the counts live
/// for as long as the silo, like any process metric.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class MetricsCollectorGrain(PaymentMetrics metrics, EventDeliveryMetrics delivery) : Grain, IMetricsCollectorGrain
{
    private readonly Dictionary<string, long> _eventCount = new(StringComparer.Ordinal);
    private readonly Dictionary<(string EventType, string Currency), decimal> _amounts = [];
    private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly PaymentDurations _durations = new();
    private long _success;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.ProviderName)
            .GetStream<PaymentEvent>(StreamId.Create(EventStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((paymentEvent, _) =>
        {
            delivery.Delivered(EventDeliveryMetrics.MetricsCollector);
            Count(paymentEvent);
            return Task.CompletedTask;
        });
    }

    public Task<MetricsSnapshot> GetSnapshotAsync() => Task.FromResult(new MetricsSnapshot(
        new Dictionary<string, long>(_eventCount),
        [.. _amounts.Select(a => new AmountByCurrency(a.Key.EventType, a.Key.Currency, a.Value))],
        _success,
        new Dictionary<string, long>(_failures)));

    private void Count(PaymentEvent paymentEvent)
    {
        metrics.Record(paymentEvent);
        if (_durations.Observe(paymentEvent) is { } duration)
        {
            metrics.RecordDuration(duration);
        }

        _eventCount[paymentEvent.Type] = _eventCount.GetValueOrDefault(paymentEvent.Type) + 1;
        var key = (paymentEvent.Type, paymentEvent.Currency);
        _amounts[key] = _amounts.GetValueOrDefault(key) + paymentEvent.Amount;
        if (paymentEvent.Type == EventTypes.PaymentCompleted)
        {
            _success++;
        }
        else if (paymentEvent.Type == EventTypes.PaymentFailed)
        {
            var failureType = paymentEvent.Reason ?? "unknown";
            _failures[failureType] = _failures.GetValueOrDefault(failureType) + 1;
        }
    }
}
