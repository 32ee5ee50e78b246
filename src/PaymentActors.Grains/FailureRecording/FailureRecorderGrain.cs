using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>
/// Stores every failed payment of one stream partition as seed 000's FailedEvent. The record's id is derived
/// from the failure event's id, so a redelivered event (or one the saga already stored) is stored once. It listens
/// to the failures stream only, so the other events of a payment cost it no message.
/// </summary>
[ImplicitStreamSubscription(EventStreams.FailuresNamespace)]
public sealed class FailureRecorderGrain(IFailedEventStore store, EventDeliveryMetrics delivery) : Grain, IGrainWithStringKey
{
    public const string Source = "payment-saga";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.ProviderName)
            .GetStream<PaymentEvent>(StreamId.Create(EventStreams.FailuresNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(async (paymentEvent, _) =>
        {
            if (paymentEvent.Type == EventTypes.PaymentFailed)
            {
                await store.TryAddAsync(FailedEvents.From(paymentEvent));
            }

            // Counted once handled: an event the store could not take is not counted as delivered.
            delivery.Delivered(EventDeliveryMetrics.FailureRecorder);
        });
    }
}
