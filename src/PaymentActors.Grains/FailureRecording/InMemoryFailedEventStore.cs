using System.Collections.Concurrent;
using PaymentActors.FailureRecording;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>The dependency-free store, for the in-memory mode and tests. Ids are time-ordered, so newest first is id order descending.</summary>
public sealed class InMemoryFailedEventStore : IFailedEventStore
{
    private readonly ConcurrentDictionary<string, FailedEvent> _events = new(StringComparer.Ordinal);

    public Task<bool> TryAddAsync(FailedEvent failedEvent, CancellationToken cancellationToken = default) =>
        Task.FromResult(_events.TryAdd(failedEvent.Id, failedEvent));

    public Task<FailedEvent?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_events.GetValueOrDefault(id));

    public Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query, CancellationToken cancellationToken = default)
    {
        var page = _events.Values
            .Where(e => query.Status is null || e.Status == query.Status)
            .Where(e => query.StartingAfter is null || string.CompareOrdinal(e.Id, query.StartingAfter) < 0)
            .OrderByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<FailedEvent>>(page);
    }

    /// <summary>Compare-and-swap on the record's value: the stored event must still equal <paramref name="expected"/>.</summary>
    public Task<bool> UpdateAsync(FailedEvent expected, FailedEvent updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(updated);
        return Task.FromResult(expected.Id == updated.Id && _events.TryUpdate(updated.Id, updated, expected));
    }

    public Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default)
    {
        // Removed only as read: an event updated since (a retry) stays.
        var purged = _events.Where(e => e.Value.UpdatedAt < updatedBefore).Count(e => _events.TryRemove(e));
        return Task.FromResult(purged);
    }
}
