using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using PaymentActors.Metrics;

namespace PaymentActors.AzureTables.Diagnostics;

/// <summary>
/// Every request sent to Azure Storage, on the meter "PaymentActors.Storage": one count per attempt (retries
/// included), as a read or a write, labelled by service, table, operation and status. Recorded by
/// <see cref="StorageRequestCountingPolicy"/>, which sits in the pipeline of every Table service client we create.
/// "Storage operations per completed payment" is (reads + writes) / completed payments; the load tester divides
/// <see cref="WritesInstrument"/> alone. It also keeps this process's totals (<see cref="Snapshot"/>), which the silos
/// report through a grain so that the front door can sum the cluster's in one place.
/// </summary>
public sealed class StorageInstruments : IStorageFiguresSource
{
    public const string MeterName = "PaymentActors.Storage";

    public const string ReadsInstrument = "paymentactors.storage.reads";
    public const string WritesInstrument = "paymentactors.storage.writes";
    public const string DurationInstrument = "paymentactors.storage.duration";

    /// <summary>Who asked: one of <see cref="StorageServices"/>.</summary>
    public const string ServiceTag = "service";

    public const string TableTag = "table";

    /// <summary>read, query, insert, update, upsert, merge, upsert_merge, delete, batch, create_table, …</summary>
    public const string OperationTag = "operation";

    /// <summary>The HTTP status the service answered ("204", "412", …), or "none" when no answer came.</summary>
    public const string StatusTag = "status";

    /// <summary>Grain state only: the state's name (the RowKey of Orleans's table grain storage), e.g. "wallet".</summary>
    public const string StateTag = "state";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _writes;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<(string Service, string Table, string Operation, bool IsWrite), StrongBox<long>> _totals = new();

    public StorageInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>(ReadsInstrument, "{request}", "Read requests sent to Azure Storage (point reads and queries).");
        _writes = meter.CreateCounter<long>(WritesInstrument, "{request}", "Write requests sent to Azure Storage (inserts, updates, deletes, batches, table creation).");
        _duration = meter.CreateHistogram<double>(DurationInstrument, "s", "Time of one request to Azure Storage, until its answer.");
    }

    internal void Record(in StorageRequest request, string status, long startedAt)
    {
        var tags = new TagList
        {
            { ServiceTag, request.Service },
            { TableTag, request.Table },
            { OperationTag, request.Operation },
            { StatusTag, status },
        };
        if (request.State is { } state)
        {
            tags.Add(StateTag, state);
        }

        (request.IsRead ? _reads : _writes).Add(1, tags);
        Interlocked.Increment(ref _totals.GetOrAdd((request.Service, request.Table, request.Operation, !request.IsRead), static _ => new StrongBox<long>()).Value);
        _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>(ServiceTag, request.Service), new KeyValuePair<string, object?>(OperationTag, request.Operation));
    }

    /// <summary>This process's requests so far, in a stable order (merging with nothing sorts them).</summary>
    public StorageFigures Snapshot() =>
        new StorageFigures(_totals.Select(t => new StorageRequestCount(t.Key.Service, t.Key.Table, t.Key.Operation, t.Key.IsWrite, Interlocked.Read(ref t.Value.Value))).ToArray(), 1)
            .Merge(StorageFigures.Empty);
}
