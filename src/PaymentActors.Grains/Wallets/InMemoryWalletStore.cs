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
    }
}
