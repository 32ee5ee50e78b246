namespace PaymentActors.Metrics;

/// <summary>
/// Requests sent to Azure Storage since the processes started, as the request counters split them (service, table,
/// operation, read or write), summed over <see cref="Processes"/> processes: every active silo, and the front door
/// itself when it is a client of the silos. The Prometheus counters behind them are per process; these are the
/// cluster's, from one place.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.StorageFigures")]
public sealed record StorageFigures(
    [property: Id(0)] IReadOnlyList<StorageRequestCount> Requests,
    [property: Id(1)] int Processes)
{
    public static StorageFigures Empty { get; } = new(Array.Empty<StorageRequestCount>(), 0);

    public long Reads => Requests.Where(r => !r.IsWrite).Sum(r => r.Count);

    public long Writes => Requests.Where(r => r.IsWrite).Sum(r => r.Count);

    // Arrays, not collection expressions: those make compiler-generated list types that Orleans cannot serialize.
    public StorageFigures Merge(StorageFigures other) => new(
        Requests.Concat(other.Requests)
            .GroupBy(r => (r.Service, r.Table, r.Operation, r.IsWrite))
            .Select(g => new StorageRequestCount(g.Key.Service, g.Key.Table, g.Key.Operation, g.Key.IsWrite, g.Sum(r => r.Count)))
            .OrderBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Operation, StringComparer.Ordinal)
            .ToArray(),
        Processes + other.Processes);
}

/// <summary>Requests of one kind: a service (grain_state, reminders, clustering, wallets, failed_events), a table, an operation.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.StorageRequestCount")]
public sealed record StorageRequestCount(
    [property: Id(0)] string Service,
    [property: Id(1)] string Table,
    [property: Id(2)] string Operation,
    [property: Id(3)] bool IsWrite,
    [property: Id(4)] long Count);
