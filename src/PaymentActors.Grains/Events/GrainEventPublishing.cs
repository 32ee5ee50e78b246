using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Events;

/// <summary>
/// Publishes on the event stream partition of the event's payment, so one payment's events stay in order. The events
/// of one commit travel as one stream item per partition (one queue message, one delivery to each subscriber) and
/// subscribers still see them one by one, in order; failures also go to the failure recorder's stream.
/// </summary>
internal static class GrainEventPublishing
{
    public static Task PublishAsync(this Grain grain, PaymentEvent paymentEvent) => grain.PublishAsync([paymentEvent]);

    public static Task PublishAsync(this Grain grain, IReadOnlyList<PaymentEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var provider = grain.GetStreamProvider(EventStreams.ProviderName);
        var sends = new List<Task>(2);
        foreach (var partition in events.GroupBy(e => EventStreams.PartitionKeyOf(e.PaymentId)))
        {
            sends.Add(provider.GetStream<PaymentEvent>(StreamId.Create(EventStreams.Namespace, partition.Key)).OnNextBatchAsync(partition.ToList()));
        }

        foreach (var partition in events.Where(e => e.Type == EventTypes.PaymentFailed).GroupBy(e => EventStreams.PartitionKeyOf(e.PaymentId)))
        {
            sends.Add(provider.GetStream<PaymentEvent>(StreamId.Create(EventStreams.FailuresNamespace, partition.Key)).OnNextBatchAsync(partition.ToList()));
        }

        return PublishedAsync(grain, events, sends);
    }

    private static async Task PublishedAsync(Grain grain, IReadOnlyList<PaymentEvent> events, List<Task> sends)
    {
        await (sends.Count == 1 ? sends[0] : Task.WhenAll(sends));
        var metrics = grain.GrainContext.ActivationServices.GetRequiredService<EventDeliveryMetrics>();
        foreach (var paymentEvent in events)
        {
            metrics.Published(paymentEvent);
        }
    }
}
