using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>Storage operations counted up to one moment, by instrument and by grain state (or reminder operation).</summary>
public sealed class StorageCounts(IReadOnlyDictionary<(string Instrument, string Detail), long> counts)
{
    private IReadOnlyDictionary<(string Instrument, string Detail), long> Counts => counts;

    public long Writes => Total(StorageInstruments.WritesInstrument);

    public long Reads => Total(StorageInstruments.ReadsInstrument);

    public long Clears => Total(StorageInstruments.ClearsInstrument);

    public long ReminderOperations => Total(StorageInstruments.ReminderOperationsInstrument);

    public long FailedEventOperations => Total(StorageInstruments.FailedEventOperationsInstrument);

    public long Total(string instrument) => counts.Where(c => c.Key.Instrument == instrument).Sum(c => c.Value);

    /// <summary>Per grain state for reads, writes and clears; per operation for reminders, e.g. {"payment": 400, "wallet": 212}.</summary>
    public IReadOnlyDictionary<string, long> ByDetail(string instrument) =>
        counts.Where(c => c.Key.Instrument == instrument && c.Value != 0).ToDictionary(c => c.Key.Detail, c => c.Value);

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageCounts Since(StorageCounts earlier) =>
        new(counts.ToDictionary(c => c.Key, c => c.Value - earlier.Counts.GetValueOrDefault(c.Key)));
}
