namespace PaymentActors.FailureRecording;

/// <summary>
/// Durable store of failed events. Ids are time-ordered (see EventIds), so "newest first" is id order descending.
/// Adding an id that exists replaces nothing and returns false: the recorder may see an event twice.
/// </summary>
public interface IFailedEventStore
{
    Task<bool> TryAddAsync(FailedEvent failedEvent, CancellationToken cancellationToken = default);

    Task<FailedEvent?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Replaces an existing event (status, retry count); false when it does not exist.</summary>
    Task<bool> UpdateAsync(FailedEvent failedEvent, CancellationToken cancellationToken = default);
}
