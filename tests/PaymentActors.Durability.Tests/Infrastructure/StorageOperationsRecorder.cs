using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// Counts the storage operations one silo reports on the "PaymentActors.Storage" meter. Only that silo's meters are
/// heard (the meter's scope is the silo's <see cref="IMeterFactory"/>), so other hosts in the process never leak in.
/// </summary>
public sealed class StorageOperationsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Detail), long> _counts = new();

    public StorageOperationsRecorder(IMeterFactory siloMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, siloMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var detail = "";
            foreach (var tag in tags)
            {
                if (tag.Key is StorageInstruments.StateTag or StorageInstruments.OperationTag)
                {
                    detail = tag.Value?.ToString() ?? "";
                }
            }

            _counts.AddOrUpdate((instrument.Name, detail), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public StorageCounts Snapshot() => new(new Dictionary<(string, string), long>(_counts));

    public void Dispose() => _listener.Dispose();
}
