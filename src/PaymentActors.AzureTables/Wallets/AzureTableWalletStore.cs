using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using PaymentActors.AzureTables.Tables;
using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Wallets;

/// <summary>
/// Wallets in Azure Tables, one partition each (<see cref="WalletRows"/>), so that a commit writes the snapshot and
/// its ledger entries in ONE entity-group transaction: one storage request per group commit, however many
/// operations it carries. Orleans's official grain storage writes one entity per grain and cannot do that.
/// A transaction holds at most 100 entities, so a bigger commit is split: every part but the last merges a marker
/// into the snapshot row under its ETag (a stale writer fails before writing anything) and the last part writes the
/// snapshot itself. Readers only trust entries up to the snapshot's sequence, so a commit that fails between parts
/// leaves nothing visible, and the next commit overwrites what it left behind.
/// </summary>
public sealed class AzureTableWalletStore : IWalletStore
{
    /// <summary>The service's limit on the entities of one entity-group transaction.</summary>
    public const int MaxTransactionEntities = 100;

    private readonly LazyTableClient _table;

    public AzureTableWalletStore(IOptions<AzureTableWalletStoreOptions> options)
    {
        var value = options.Value;
        var client = value.TableServiceClient
            ?? throw new InvalidOperationException($"{nameof(AzureTableWalletStoreOptions)}.{nameof(AzureTableWalletStoreOptions.TableServiceClient)} is not set.");
        _table = new LazyTableClient(client, value.TableName);
    }

    public async Task<StoredWallet?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            WalletRows.PartitionKeyOf(userId), WalletRows.SnapshotRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? WalletRows.ToStoredWallet(response.Value!) : null;
    }

    public async Task<string> CommitAsync(string userId, WalletCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = WalletRows.PartitionKeyOf(userId);
        var rows = new List<TableEntity>(commit.Entries.Count + (commit.Listings?.Count ?? 0) + 4);
        foreach (var entry in commit.Entries)
        {
            rows.Add(WalletRows.Entry(partitionKey, entry));
            if (entry.OperationId is not null)
            {
                rows.Add(WalletRows.Operation(partitionKey, entry));
            }
        }

        // The user's list rows ride in the same transaction: listing a payment or an order costs no request of its own.
        rows.AddRange((commit.Listings ?? []).Select(row => WalletRows.Listing(partitionKey, row)));

        var etag = commit.ExpectedETag is null ? (ETag?)null : new ETag(commit.ExpectedETag);
        var perPart = MaxTransactionEntities - 1;
        var offset = 0;
        try
        {
            // Every part but the last carries a marker on the snapshot row: the ETag check guards the whole commit.
            while (rows.Count - offset > perPart)
            {
                var part = rows.GetRange(offset, perPart);
                var marker = new TableEntity(partitionKey, WalletRows.SnapshotRowKey)
                {
                    [WalletRows.PendingProperty] = commit.Sequence,
                };
                etag = await SubmitAsync(table, part, marker, etag, cancellationToken).ConfigureAwait(false);
                offset += perPart;
            }

            var snapshot = WalletRows.Snapshot(partitionKey, commit.Snapshot, commit.Sequence);
            etag = await SubmitAsync(table, rows.GetRange(offset, rows.Count - offset), snapshot, etag, cancellationToken).ConfigureAwait(false);
            return etag!.Value.ToString();
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && exception.FailedTransactionActionIndex is { } index && IsSnapshotAction(index))
        {
            throw new InconsistentStateException(
                $"Wallet '{userId}' was written by someone else ({exception.ErrorCode}).", "(unknown)", commit.ExpectedETag ?? "(none)", exception);
        }

        // The snapshot's action comes last in every part.
        bool IsSnapshotAction(int index) => index == Math.Min(perPart, rows.Count - offset);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string userId, long durableSequence, long? before, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var below = Math.Min(before ?? long.MaxValue, durableSequence + 1);
        if (below <= 1)
        {
            return [];
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = WalletRows.PartitionKeyOf(userId);
        var from = WalletRows.EntryRowKey(below);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {from} and RowKey lt {WalletRows.EntryRangeEnd}");
        var entries = new List<LedgerEntry>(limit);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(WalletRows.ToEntry(entity));
            if (entries.Count == limit)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<IReadOnlyList<ListingRow>> ListAsync(string userId, ListingQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var prefix = WalletRows.ListingPrefixOf(query.Kind);

        // One range of the user's partition, newest first; status and order are filtered by the service within it.
        var filters = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {WalletRows.PartitionKeyOf(userId)}"),
            query.AfterKey is { } after
                ? TableClient.CreateQueryFilter($"RowKey gt {WalletRows.ListingRowKey(query.Kind, after)}")
                : TableClient.CreateQueryFilter($"RowKey gt {prefix}"),
            query.CreatedFrom is { } from
                ? TableClient.CreateQueryFilter($"RowKey lt {prefix + ListingRow.TimeBound(from)}")
                : TableClient.CreateQueryFilter($"RowKey lt {prefix + ":"}"),
        };
        if (query.CreatedBefore is { } before)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey ge {prefix + ListingRow.TimeBound(before)}"));
        }

        if (query.Status is { } status)
        {
            filters.Add("(" + TableClient.CreateQueryFilter($"Status eq {status} or Settled eq {false}") + ")");
        }

        if (query.OrderId is { } orderId)
        {
            filters.Add(TableClient.CreateQueryFilter($"OrderId eq {orderId}"));
        }

        var rows = new List<ListingRow>(limit);
        await foreach (var entity in table.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(WalletRows.ToListing(entity));
            if (rows.Count == limit)
            {
                break;
            }
        }

        return rows;
    }

    public async Task<LedgerEntry?> FindOperationAsync(string userId, string operationId, long durableSequence, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partitionKey = WalletRows.PartitionKeyOf(userId);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(
            partitionKey, WalletRows.OperationRowKey(operationId), [WalletRows.SequenceProperty], cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue || pointer.Value!.GetInt64(WalletRows.SequenceProperty) is not { } sequence || sequence > durableSequence)
        {
            return null;
        }

        // A pointer left by a commit that failed part-way may name a sequence that a later commit gave to another entry.
        var entry = await table.GetEntityIfExistsAsync<TableEntity>(
            partitionKey, WalletRows.EntryRowKey(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entry.HasValue && WalletRows.ToEntry(entry.Value!) is { } found && found.OperationId == operationId ? found : null;
    }

    private static async Task<ETag> SubmitAsync(TableClient table, List<TableEntity> rows, TableEntity snapshotRow, ETag? etag, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(rows.Count + 1);
        actions.AddRange(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        var isMarker = snapshotRow.ContainsKey(WalletRows.PendingProperty);
        actions.Add(etag is { } expected
            ? new TableTransactionAction(isMarker ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, snapshotRow, expected)
            : new TableTransactionAction(TableTransactionActionType.Add, snapshotRow));
        var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return response.Value[^1].Headers.ETag ?? throw new InvalidOperationException("The service answered a wallet commit without an ETag.");
    }
}
