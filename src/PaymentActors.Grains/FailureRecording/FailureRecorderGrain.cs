using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.FailureRecording;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>
/// Stores every failed payment of one stream partition as seed 000's FailedEvent. The record's id is derived
/// from the failure event's id, so a redelivered event (or one the saga already stored) is stored once. It listens
/// to the failures stream only, so the other events of a payment cost it no message.
/// </summary>
[ImplicitStreamSubscription(EventStreams.FailuresNamespace)]
public sealed class FailureRecorderGrain(IFailedEventStore store) : Grain, IGrainWithStringKey
{
    public const string Source = "payment-saga";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.ProviderName)
            .GetStream<PaymentEvent>(StreamId.Create(EventStreams.FailuresNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((paymentEvent, _) => paymentEvent.Type == EventTypes.PaymentFailed
            ? store.TryAddAsync(FailedEvents.From(paymentEvent))
            : Task.CompletedTask);
    }
}
