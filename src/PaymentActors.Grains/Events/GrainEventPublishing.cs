using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Events;

/// <summary>Publishes on the event stream partition of the event's payment, so one payment's events stay in order.</summary>
internal static class GrainEventPublishing
{
    public static async Task PublishAsync(this Grain grain, PaymentEvent paymentEvent)
    {
        var stream = grain.GetStreamProvider(EventStreams.ProviderName)
            .GetStream<PaymentEvent>(StreamId.Create(EventStreams.Namespace, EventStreams.PartitionKeyOf(paymentEvent.PaymentId)));
        await stream.OnNextAsync(paymentEvent);
        grain.GrainContext.ActivationServices.GetRequiredService<EventDeliveryMetrics>().Published(paymentEvent);
    }
}
