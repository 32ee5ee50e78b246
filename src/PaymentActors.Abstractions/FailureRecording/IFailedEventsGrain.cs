using PaymentActors.Repeats;

namespace PaymentActors.FailureRecording;

/// <summary>Reads the failed-event store from any client of the cluster.</summary>
[Alias("PaymentActors.IFailedEventsGrain")]
public interface IFailedEventsGrain : IGrainWithIntegerKey
{
    [SafeToRepeat]
    [Alias("ListAsync")]
    Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query);

    [SafeToRepeat]
    [Alias("GetAsync")]
    Task<FailedEvent?> GetAsync(string id);

    /// <summary>Re-drives the failed payment; the failed event becomes retried, then resolved or failed again. The actor (the operator) goes on the payment's retry event.</summary>
    [Alias("RetryAsync")]
    Task<FailedEventRetryOutcome> RetryAsync(string id, string? actor = null);
}
