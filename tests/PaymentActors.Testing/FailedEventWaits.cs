using PaymentActors.FailureRecording;

namespace PaymentActors.Testing;

/// <summary>Failures are recorded after the payment has ended (through the event stream), so a test waits for them.</summary>
public static class FailedEventWaits
{
    /// <summary>Waits until the failed-event store lists the failure of <paramref name="paymentId"/>, and returns it.</summary>
    public static async Task<FailedEvent> RecordedFailureOfAsync(this IFailedEventsGrain failedEvents, string paymentId)
    {
        var record = await Eventually.UntilAsync(
            async () => (await failedEvents.ListAsync(new FailedEventQuery(Limit: 1000))).SingleOrDefault(e => e.PaymentId == paymentId),
            r => r is not null,
            $"the failure of {paymentId} to be recorded");
        return record!;
    }
}
