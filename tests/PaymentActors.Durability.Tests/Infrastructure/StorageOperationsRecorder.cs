using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// Counts the storage requests one silo reports on the "PaymentActors.Storage" meter. Only that silo's meters are
/// heard (the meter's scope is the silo's <see cref="IMeterFactory"/>), so other hosts in the process never leak in.
/// </summary>
public sealed class StorageOperationsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<StorageCounts.Key, long> _counts = new();

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
            string service = "", operation = "", state = "";
            foreach (var tag in tags)
            {
                var text = tag.Value?.ToString() ?? "";
                switch (tag.Key)
                {
                    case StorageInstruments.ServiceTag: service = text; break;
                    case StorageInstruments.OperationTag: operation = text; break;
                    case StorageInstruments.StateTag: state = text; break;
                }
            }

            _counts.AddOrUpdate(new StorageCounts.Key(instrument.Name, service, operation, state), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public StorageCounts Snapshot() => new(new Dictionary<StorageCounts.Key, long>(_counts));

    public void Dispose() => _listener.Dispose();
}
