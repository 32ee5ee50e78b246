using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Reminders;

/// <summary>Orleans reminder table on Azure Tables; keys are explained in <see cref="ReminderKeys"/>.</summary>
public sealed class AzureTableReminderTable : IReminderTable
{
    private const string GrainIdProperty = "GrainId";
    private const string ReminderNameProperty = "ReminderName";
    private const string StartAtProperty = "StartAtUtcTicks";
    private const string PeriodProperty = "PeriodTicks";
    private const string GrainHashProperty = "GrainHash";

    private readonly AzureTableReminderStorageOptions _options;
    private readonly string _serviceId;
    private readonly StorageInstruments _instruments;
    private readonly ILogger<AzureTableReminderTable> _logger;
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private TableClient? _table;

    public AzureTableReminderTable(
        IOptions<AzureTableReminderStorageOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        StorageInstruments instruments,
        ILogger<AzureTableReminderTable> logger)
    {
        _options = options.Value;
        _serviceId = clusterOptions.Value.ServiceId;
        _instruments = instruments;
        _logger = logger;
    }

    public Task Init() => StartAsync(CancellationToken.None);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_table is not null)
            {
                return;
            }

            var createClient = _options.CreateClient
                ?? throw new InvalidOperationException("The reminder table has no Azure Table client; call ConfigureTableServiceClient.");
            var service = await createClient().ConfigureAwait(false);
            var table = service.GetTableClient(_options.TableName);
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _table = table;
            AzureTableReminderTableLog.TableReady(_logger, _options.TableName);
        }
        finally
        {
            _startGate.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        var partition = ReminderKeys.Partition(_serviceId, grainId.GetUniformHashCode());
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {ReminderKeys.GrainRowPrefix(grainId)} and RowKey lt {ReminderKeys.GrainRowEnd(grainId)}");
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            return new ReminderTableData(await QueryAsync(filter, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _instruments.ReminderOperation("read_grain", startedAt);
        }
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Rows whose grain hash lies in the ring range (begin, end]. When begin ≥ end the range wraps past uint.MaxValue
    /// to 0; begin == end is the whole ring. Both cases are the two queries (begin, max] and [0, end].
    /// </summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            if (begin < end)
            {
                return new ReminderTableData(await QueryHashRangeAsync(begin, inclusiveLow: false, end, cancellationToken).ConfigureAwait(false));
            }

            var high = QueryHashRangeAsync(begin, inclusiveLow: false, uint.MaxValue, cancellationToken);
            var low = QueryHashRangeAsync(0, inclusiveLow: true, end, cancellationToken);
            var rows = await Task.WhenAll(high, low).ConfigureAwait(false);
            return new ReminderTableData(rows[0].Concat(rows[1]));
        }
        finally
        {
            _instruments.ReminderOperation("read_range", startedAt);
        }
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await GetTable().GetEntityIfExistsAsync<TableEntity>(
                ReminderKeys.Partition(_serviceId, grainId.GetUniformHashCode()), ReminderKeys.Row(grainId, reminderName),
                cancellationToken: cancellationToken).ConfigureAwait(false);

            return response.HasValue ? ToEntry(response.Value!) : null;
        }
        finally
        {
            _instruments.ReminderOperation("read_row", startedAt);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var hash = entry.GrainId.GetUniformHashCode();
        var entity = new TableEntity(ReminderKeys.Partition(_serviceId, hash), ReminderKeys.Row(entry.GrainId, entry.ReminderName))
        {
            [GrainIdProperty] = entry.GrainId.ToString(),
            [ReminderNameProperty] = entry.ReminderName,
            [StartAtProperty] = entry.StartAt.ToUniversalTime().Ticks,
            [PeriodProperty] = entry.Period.Ticks,
            [GrainHashProperty] = (long)hash,
        };

        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await GetTable().UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("Azure Tables answered an upsert without an ETag.");
        }
        finally
        {
            _instruments.ReminderOperation("upsert", startedAt);
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await GetTable().DeleteEntityAsync(
                ReminderKeys.Partition(_serviceId, grainId.GetUniformHashCode()), ReminderKeys.Row(grainId, reminderName),
                new ETag(eTag), cancellationToken).ConfigureAwait(false);

            // The SDK reports a missing row as a 404 response rather than an exception.
            if (response.Status == 404)
            {
                AzureTableReminderTableLog.RemoveRefused(_logger, reminderName, grainId, eTag);
                return false;
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            AzureTableReminderTableLog.RemoveRefused(_logger, reminderName, grainId, eTag);
            return false;
        }
        finally
        {
            _instruments.ReminderOperation("remove", startedAt);
        }
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Deletes this service's reminders only; other services sharing the table keep theirs.</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var table = GetTable();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {ReminderKeys.Partition(_serviceId, 0)} and PartitionKey le {ReminderKeys.Partition(_serviceId, uint.MaxValue)}");
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _instruments.ReminderOperation("clear", startedAt);
        }
    }

    private Task<List<ReminderEntry>> QueryHashRangeAsync(uint low, bool inclusiveLow, uint high, CancellationToken cancellationToken)
    {
        var lowKey = ReminderKeys.Partition(_serviceId, low);
        var highKey = ReminderKeys.Partition(_serviceId, high);
        var filter = inclusiveLow
            ? TableClient.CreateQueryFilter($"PartitionKey ge {lowKey} and PartitionKey le {highKey}")
            : TableClient.CreateQueryFilter($"PartitionKey gt {lowKey} and PartitionKey le {highKey}");
        return QueryAsync(filter, cancellationToken);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await foreach (var entity in GetTable().QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(entity));
        }

        return entries;
    }

    private static ReminderEntry ToEntry(TableEntity entity) => new()
    {
        GrainId = GrainId.Parse(entity.GetString(GrainIdProperty)),
        ReminderName = entity.GetString(ReminderNameProperty),
        StartAt = new DateTime(entity.GetInt64(StartAtProperty) ?? 0, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(entity.GetInt64(PeriodProperty) ?? 0),
        ETag = entity.ETag.ToString(),
    };

    private TableClient GetTable() =>
        _table ?? throw new InvalidOperationException("The reminder table is not started yet: the reminder service starts it with the silo.");
}
