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

    /// <summary>
    /// Replaces <paramref name="expected"/> (as read) with <paramref name="updated"/>, atomically and only if the stored
    /// event is still <paramref name="expected"/>; false when it is missing or changed since (a concurrent update won:
    /// re-read and decide again). Two operators retrying one event must not both re-drive it.
    /// </summary>
    Task<bool> UpdateAsync(FailedEvent expected, FailedEvent updated, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every event last changed before <paramref name="updatedBefore"/> (the retention's cutoff) and returns how
    /// many it deleted. An event changed meanwhile is kept.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default);
}
