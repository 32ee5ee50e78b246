using System.Text.Json;
using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.FailureRecording;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>
/// Stores every failed payment of one stream partition as seed 000's FailedEvent. The record's id is derived
/// from the failure event's id, so a redelivered event is stored once.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class FailureRecorderGrain(IFailedEventStore store) : Grain, IGrainWithStringKey
{
    public const string Source = "payment-saga";

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(EventStreams.ProviderName)
            .GetStream<PaymentEvent>(StreamId.Create(EventStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((paymentEvent, _) => paymentEvent.Type == EventTypes.PaymentFailed ? RecordAsync(paymentEvent) : Task.CompletedTask);
    }

    private Task RecordAsync(PaymentEvent failed) => store.TryAddAsync(new FailedEvent(
        Id: "fe_" + failed.Id["evt_".Length..],
        OriginalEvent: JsonSerializer.Serialize(failed, EventJson),
        EventType: failed.Type,
        PaymentId: failed.PaymentId,
        ErrorMessage: failed.Reason ?? "unknown",
        Source: Source,
        RetryCount: 0,
        Status: FailedEventStatus.Failed,
        CreatedAt: failed.OccurredAt,
        UpdatedAt: failed.OccurredAt));
}
