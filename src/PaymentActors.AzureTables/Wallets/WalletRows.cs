using System.Globalization;
using Azure.Data.Tables;
using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Wallets;

/// <summary>
/// The rows of a wallet's partition (PartitionKey = the escaped user id):
/// "s" the snapshot (its bytes in 64 KB chunks, and the ledger sequence it covers);
/// "e" + the inverted sequence, one per ledger entry, so that a range query returns the newest first;
/// "o" + the escaped deposit or refund id, pointing at its entry, so that the operation's idempotency holds for ever;
/// "lp" / "lo" + the inverted creation ticks + the escaped id, one per payment / order of the user (see
/// <see cref="ListingRow"/>), so that a range query lists them newest first.
/// Amounts are strings, so that a decimal keeps its exact value and scale.
/// </summary>
internal static class WalletRows
{
    public const string SnapshotRowKey = "s";
    public const string EntryPrefix = "e";
    public const string EntryRangeEnd = "f";
    public const string OperationPrefix = "o";

    /// <summary>Below the service's 64 KiB limit for one binary property.</summary>
    public const int ChunkBytes = 64_000;

    /// <summary>Fifteen chunks stay under the service's 1 MiB limit for one entity.</summary>
    public const int MaxChunks = 15;

    public const string SequenceProperty = "Sequence";
    public const string ChunksProperty = "Chunks";
    public const string PendingProperty = "Pending";
    /// <summary>Named as such in the store's query filter.</summary>
    public const string SettledProperty = "Settled";

    public static string PartitionKeyOf(string userId) => WalletKeys.Escape(userId);

    public static string EntryRowKey(long sequence) =>
        EntryPrefix + (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    public static string OperationRowKey(string operationId) => OperationPrefix + WalletKeys.Escape(operationId);

    public static TableEntity Snapshot(string partitionKey, ReadOnlyMemory<byte> snapshot, long sequence)
    {
        var chunks = (snapshot.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"A wallet snapshot of {snapshot.Length} bytes exceeds the {MaxChunks * ChunkBytes} bytes one entity holds; lower PaymentActors:MaxActiveReservations.");
        }

        var entity = new TableEntity(partitionKey, SnapshotRowKey)
        {
            [SequenceProperty] = sequence,
            [ChunksProperty] = chunks,
        };
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkBytes;
            entity["D" + i.ToString(CultureInfo.InvariantCulture)] = snapshot.Slice(start, Math.Min(ChunkBytes, snapshot.Length - start)).ToArray();
        }

        return entity;
    }

    public static StoredWallet ToStoredWallet(TableEntity entity)
    {
        var chunks = entity.GetInt32(ChunksProperty) ?? 0;
        var parts = Enumerable.Range(0, chunks).Select(i => entity.GetBinary("D" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        var bytes = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(bytes, offset);
            offset += part.Length;
        }

        return new StoredWallet(bytes, entity.GetInt64(SequenceProperty) ?? 0, entity.ETag.ToString());
    }

    public static TableEntity Entry(string partitionKey, LedgerEntry entry) => new(partitionKey, EntryRowKey(entry.Sequence))
    {
        [SequenceProperty] = entry.Sequence,
        ["Type"] = entry.Type,
        ["Amount"] = Format(entry.Amount),
        ["Currency"] = entry.Currency,
        ["PaymentId"] = entry.PaymentId,
        ["DepositId"] = entry.DepositId,
        ["RefundId"] = entry.RefundId,
        ["BalanceAfter"] = Format(entry.BalanceAfter),
        ["AvailableAfter"] = Format(entry.AvailableAfter),
        ["CreatedAt"] = entry.CreatedAt,
        ["EventId"] = entry.EventId,
        // On the entry's own row, so recording who acted costs no extra storage request; rows written before read as null.
        ["Actor"] = entry.Actor,
    };

    public static LedgerEntry ToEntry(TableEntity entity) => new(
        entity.GetInt64(SequenceProperty) ?? 0,
        entity.GetString("Type"),
        Parse(entity.GetString("Amount")),
        entity.GetString("Currency"),
        entity.GetString("PaymentId"),
        entity.GetString("DepositId"),
        entity.GetString("RefundId"),
        Parse(entity.GetString("BalanceAfter")),
        Parse(entity.GetString("AvailableAfter")),
        entity.GetDateTimeOffset("CreatedAt") ?? default,
        entity.GetString("EventId"),
        entity.GetString("Actor"));

    public static string ListingPrefixOf(string kind) => kind switch
    {
        ListingRow.Payment => "lp",
        ListingRow.Order => "lo",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only payments and orders are listed."),
    };

    /// <summary>A sort key (fixed-width inverted ticks, then an id) as a row key of its kind.</summary>
    public static string ListingRowKey(string kind, string sortKey) =>
        ListingPrefixOf(kind) + sortKey[..19] + WalletKeys.Escape(sortKey[19..]);

    public static TableEntity Listing(string partitionKey, ListingRow row) => new(partitionKey, ListingRowKey(row.Kind, row.SortKey))
    {
        ["Kind"] = row.Kind,
        ["Id"] = row.Id,
        ["CreatedAt"] = row.CreatedAt,
        ["Status"] = row.Status,
        [SettledProperty] = row.Settled,
        ["OrderId"] = row.OrderId,
    };

    public static ListingRow ToListing(TableEntity entity) => new(
        entity.GetString("Kind"),
        entity.GetString("Id"),
        entity.GetDateTimeOffset("CreatedAt") ?? default,
        entity.GetString("Status"),
        entity.GetBoolean(SettledProperty) ?? true,
        entity.GetString("OrderId"));

    public static TableEntity Operation(string partitionKey, LedgerEntry entry) => new(partitionKey, OperationRowKey(entry.OperationId!))
    {
        [SequenceProperty] = entry.Sequence,
    };

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
}
