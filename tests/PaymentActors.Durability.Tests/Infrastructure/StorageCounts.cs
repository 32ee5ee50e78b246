using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>Storage requests counted up to one moment, by read or write, service, operation and (grain state) state name.</summary>
public sealed class StorageCounts(IReadOnlyDictionary<StorageCounts.Key, long> counts)
{
    public readonly record struct Key(string Instrument, string Service, string Operation, string State);

    private IReadOnlyDictionary<Key, long> Counts => counts;

    /// <summary>Write requests of every service but clustering (membership heartbeats are not the payments' doing).</summary>
    public long Writes() => Sum(k => k.Instrument == StorageInstruments.WritesInstrument && k.Service != StorageServices.Clustering);

    public long Reads() => Sum(k => k.Instrument == StorageInstruments.ReadsInstrument && k.Service != StorageServices.Clustering);

    public long Writes(string service) => Sum(k => k.Instrument == StorageInstruments.WritesInstrument && k.Service == service);

    public long Reads(string service) => Sum(k => k.Instrument == StorageInstruments.ReadsInstrument && k.Service == service);

    public long Requests(string service) => Sum(k => k.Service == service);

    /// <summary>Grain-state requests of one kind per state name, e.g. {"payment": 400, "wallet": 212}.</summary>
    public IReadOnlyDictionary<string, long> ByState(string instrument) => Group(k => k.Instrument == instrument && k.Service == StorageServices.GrainState, k => k.State);

    /// <summary>One service's requests per operation, e.g. {"read": 3, "upsert": 1}.</summary>
    public IReadOnlyDictionary<string, long> ByOperation(string service) => Group(k => k.Service == service, k => k.Operation);

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageCounts Since(StorageCounts earlier) =>
        new(counts.ToDictionary(c => c.Key, c => c.Value - earlier.Counts.GetValueOrDefault(c.Key)));

    private long Sum(Func<Key, bool> match) => counts.Where(c => match(c.Key)).Sum(c => c.Value);

    private Dictionary<string, long> Group(Func<Key, bool> match, Func<Key, string> by) =>
        counts.Where(c => match(c.Key) && c.Value != 0).GroupBy(c => by(c.Key)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
