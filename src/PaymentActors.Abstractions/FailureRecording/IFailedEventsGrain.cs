namespace PaymentActors.FailureRecording;

/// <summary>Reads the failed-event store from any client of the cluster.</summary>
[Alias("PaymentActors.IFailedEventsGrain")]
public interface IFailedEventsGrain : IGrainWithIntegerKey
{
    [Alias("ListAsync")]
    Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query);

    [Alias("GetAsync")]
    Task<FailedEvent?> GetAsync(string id);
}
