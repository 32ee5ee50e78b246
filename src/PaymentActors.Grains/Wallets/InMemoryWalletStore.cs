using Orleans.Storage;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Wallets;

/// <summary>
/// Wallets in this process's memory, with the Azure store's semantics: a commit is atomic and checked against the
/// version tag, the ledger is complete and read newest first. For the in-memory mode and tests; one silo only,
/// since each silo has its own copy.
/// </summary>
public sealed class InMemoryWalletStore : IWalletStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Partition> _wallets = new(StringComparer.Ordinal);

    public Task<StoredWallet?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_wallets.TryGetValue(userId, out var wallet)
                ? new StoredWallet(wallet.Snapshot, wallet.Sequence, wallet.ETag)
                : null);
        }
    }

    public Task<string> CommitAsync(string userId, WalletCommit commit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _wallets.TryGetValue(userId, out var wallet);
            if (wallet?.ETag != commit.ExpectedETag)
            {
                throw new InconsistentStateException(
                    $"Wallet '{userId}' was written by someone else.", wallet?.ETag ?? "(none)", commit.ExpectedETag ?? "(none)");
            }

            wallet ??= _wallets[userId] = new Partition();
            foreach (var entry in commit.Entries)
            {
                wallet.Entries[entry.Sequence] = entry;
                if (entry.OperationId is { } operationId)
                {
                    wallet.Operations[operationId] = entry.Sequence;
                }
            }

            foreach (var row in commit.Listings ?? [])
            {
                if (!wallet.Listings.TryGetValue(row.Kind, out var rows))
                {
                    wallet.Listings[row.Kind] = rows = new SortedList<string, ListingRow>(StringComparer.Ordinal);
                }

                rows[row.SortKey] = row;
            }

            wallet.Snapshot = commit.Snapshot.ToArray();
            wallet.Sequence = commit.Sequence;
            wallet.ETag = Guid.NewGuid().ToString("N");
            return Task.FromResult(wallet.ETag);
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string userId, long durableSequence, long? before, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_wallets.TryGetValue(userId, out var wallet))
            {
                return Task.FromResult<IReadOnlyList<LedgerEntry>>([]);
            }

            var below = Math.Min(before ?? long.MaxValue, durableSequence + 1);
            IReadOnlyList<LedgerEntry> page = [.. wallet.Entries.Values.Where(e => e.Sequence < below).Reverse().Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<ListingRow>> ListAsync(string userId, ListingQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<ListingRow> page = _wallets.TryGetValue(userId, out var wallet) && wallet.Listings.TryGetValue(query.Kind, out var rows)
                ? [.. Range(rows, query).Where(query.Matches).Take(limit)]
                : [];
            return Task.FromResult(page);
        }
    }

    /// <summary>The rows of the query's time range after its cursor, newest first, found by binary search rather than a walk.</summary>
    private static IEnumerable<ListingRow> Range(SortedList<string, ListingRow> rows, ListingQuery query)
    {
        var keys = rows.Keys;
        var (low, high) = (0, keys.Count);
        var from = query.CreatedBefore is { } before ? ListingRow.TimeBound(before) : null;
        if (query.AfterKey is { } after && (from is null || string.CompareOrdinal(after, from) >= 0))
        {
            from = after + "\0";
        }

        if (from is not null)
        {
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = string.CompareOrdinal(keys[middle], from) < 0 ? (middle + 1, high) : (low, middle);
            }
        }

        var to = query.CreatedFrom is { } notBefore ? ListingRow.TimeBound(notBefore) : null;
        for (var i = low; i < keys.Count && (to is null || string.CompareOrdinal(keys[i], to) < 0); i++)
        {
            yield return rows.Values[i];
        }
    }

    public Task<LedgerEntry?> FindOperationAsync(string userId, string operationId, long durableSequence, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            LedgerEntry? found = null;
            if (_wallets.TryGetValue(userId, out var wallet) &&
                wallet.Operations.TryGetValue(operationId, out var sequence) &&
                sequence <= durableSequence &&
                wallet.Entries.TryGetValue(sequence, out var entry) &&
                entry.OperationId == operationId)
            {
                found = entry;
            }

            return Task.FromResult(found);
        }
    }

    private sealed class Partition
    {
        public byte[] Snapshot { get; set; } = [];
        public long Sequence { get; set; }
        public string ETag { get; set; } = "";
        public SortedList<long, LedgerEntry> Entries { get; } = [];
        public Dictionary<string, long> Operations { get; } = new(StringComparer.Ordinal);

        /// <summary>By kind, then newest first (the rows' sort keys in ordinal order).</summary>
        public Dictionary<string, SortedList<string, ListingRow>> Listings { get; } = new(StringComparer.Ordinal);
    }
}
