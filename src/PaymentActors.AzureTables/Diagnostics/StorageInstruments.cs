using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentActors.AzureTables.Diagnostics;

/// <summary>
/// Counters of the storage operations sent to Azure Tables, on the meter "PaymentActors.Storage".
/// The load tester divides <see cref="WritesInstrument"/> by completed payments to get "storage writes per payment".
/// </summary>
public sealed class StorageInstruments
{
    public const string MeterName = "PaymentActors.Storage";

    public const string ReadsInstrument = "paymentactors.storage.reads";
    public const string WritesInstrument = "paymentactors.storage.writes";
    public const string ClearsInstrument = "paymentactors.storage.clears";
    public const string ConflictsInstrument = "paymentactors.storage.conflicts";
    public const string DurationInstrument = "paymentactors.storage.duration";
    public const string ReminderOperationsInstrument = "paymentactors.storage.reminder_operations";
    public const string FailedEventOperationsInstrument = "paymentactors.storage.failed_event_operations";

    public const string ProviderTag = "provider";
    public const string StateTag = "state";
    public const string OperationTag = "operation";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _clears;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _reminderOperations;
    private readonly Counter<long> _failedEventOperations;

    public StorageInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>(ReadsInstrument, "{read}", "Grain state reads sent to Azure Tables.");
        _writes = meter.CreateCounter<long>(WritesInstrument, "{write}", "Grain state writes sent to Azure Tables.");
        _clears = meter.CreateCounter<long>(ClearsInstrument, "{clear}", "Grain state clears sent to Azure Tables.");
        _conflicts = meter.CreateCounter<long>(ConflictsInstrument, "{conflict}", "Grain state writes or clears refused by an ETag check.");
        _duration = meter.CreateHistogram<double>(DurationInstrument, "s", "Time of one Azure Tables storage operation.");
        _reminderOperations = meter.CreateCounter<long>(ReminderOperationsInstrument, "{operation}", "Reminder table operations sent to Azure Tables.");
        _failedEventOperations = meter.CreateCounter<long>(FailedEventOperationsInstrument, "{operation}", "Failed-event store operations sent to Azure Tables.");
    }

    internal void GrainStateRead(string provider, string state, long startedAt) =>
        RecordGrainStateOperation(_reads, "read", provider, state, startedAt);

    internal void GrainStateWritten(string provider, string state, long startedAt) =>
        RecordGrainStateOperation(_writes, "write", provider, state, startedAt);

    internal void GrainStateCleared(string provider, string state, long startedAt) =>
        RecordGrainStateOperation(_clears, "clear", provider, state, startedAt);

    internal void GrainStateConflict(string provider, string state, string operation) =>
        _conflicts.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(StateTag, state),
            new KeyValuePair<string, object?>(OperationTag, operation));

    internal void ReminderOperation(string operation, long startedAt)
    {
        _reminderOperations.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
        _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>(ProviderTag, "reminders"), new KeyValuePair<string, object?>(OperationTag, "reminder_" + operation));
    }

    internal void FailedEventOperation(string operation, long startedAt)
    {
        _failedEventOperations.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
        _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>(ProviderTag, "failedevents"), new KeyValuePair<string, object?>(OperationTag, "failed_event_" + operation));
    }

    private void RecordGrainStateOperation(Counter<long> counter, string operation, string provider, string state, long startedAt)
    {
        counter.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(StateTag, state));
        _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(OperationTag, operation));
    }
}
