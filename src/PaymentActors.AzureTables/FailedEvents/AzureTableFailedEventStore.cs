using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.Tables;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.FailedEvents;

/// <summary>
/// Failed events in one Azure table. Failed events are few, so they share one partition: listing is then one ordered
/// range query, and <see cref="FailedEventRowKey"/> makes that order newest first, so "StartingAfter" is simply
/// "RowKey greater than the cursor's key" and a status filter runs on the service.
/// </summary>
public sealed class AzureTableFailedEventStore : IFailedEventStore
{
    /// <summary>The service returns at most 1,000 entities per page; we never list more in one call.</summary>
    public const int MaxLimit = 1000;

    private readonly LazyTableClient _table;
    private readonly ILogger<AzureTableFailedEventStore> _logger;

    public AzureTableFailedEventStore(IOptions<AzureTableFailedEventStoreOptions> options, ILogger<AzureTableFailedEventStore> logger)
    {
        var value = options.Value;
        var service = value.TableServiceClient
            ?? throw new InvalidOperationException($"{nameof(AzureTableFailedEventStoreOptions)}.{nameof(value.TableServiceClient)} is not set.");
        _table = new LazyTableClient(service, value.TableName);
        _logger = logger;
    }

    public async Task<bool> TryAddAsync(FailedEvent failedEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failedEvent);
        var entity = FailedEventEntity.ToEntity(failedEvent);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            AzureTableFailedEventStoreLog.DuplicateIgnored(_logger, failedEvent.Id);
            return false;
        }
    }

    public async Task<FailedEvent?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            FailedEventEntity.PartitionKey, FailedEventRowKey.From(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FailedEventEntity.FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"Limit must be between 1 and {MaxLimit}.");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FailedEventEntity.PartitionKey}");
        if (!string.IsNullOrEmpty(query.StartingAfter))
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {FailedEventRowKey.From(query.StartingAfter)}");
        }

        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"status eq {FailedEventEntity.StatusName(status)}");
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<FailedEvent>(Math.Min(query.Limit, 64));
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: query.Limit, cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            page.Add(FailedEventEntity.FromEntity(entity));
            if (page.Count == query.Limit)
            {
                break;
            }
        }

        return page;
    }

    public async Task<bool> UpdateAsync(FailedEvent expected, FailedEvent updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(updated);
        if (expected.Id != updated.Id)
        {
            return false;
        }

        var entity = FailedEventEntity.ToEntity(updated);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var current = await table.GetEntityIfExistsAsync<TableEntity>(
            FailedEventEntity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!current.HasValue || FailedEventEntity.FromEntity(current.Value!) != expected)
        {
            AzureTableFailedEventStoreLog.UpdateOfMissing(_logger, updated.Id);
            return false;
        }

        try
        {
            // Conditional on the ETag just read: a concurrent update between our read and this write gets 412, not lost.
            await table.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            AzureTableFailedEventStoreLog.UpdateOfMissing(_logger, updated.Id);
            return false;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FailedEventEntity.PartitionKey}") +
                     $" and {FailedEventEntity.UpdatedAtProperty} lt " + TableClient.CreateQueryFilter($"{updatedBefore}");
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var purged = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            try
            {
                // Conditional on the ETag just read: an event retried since the query is kept.
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
                purged++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                AzureTableFailedEventStoreLog.PurgeSkipped(_logger, entity.RowKey);
            }
        }

        return purged;
    }
}
