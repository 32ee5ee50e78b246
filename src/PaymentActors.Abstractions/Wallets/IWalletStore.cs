namespace PaymentActors.Wallets;

/// <summary>
/// Where wallets live: a snapshot and a complete ledger per wallet, committed together. A commit is all or nothing
/// as readers see it: entries past the snapshot's sequence are ignored (a commit split into several storage
/// transactions may leave some behind when it fails; the next commit overwrites them).
/// A commit whose <see cref="WalletCommit.ExpectedETag"/> is stale throws <see cref="Orleans.Storage.InconsistentStateException"/>.
/// </summary>
public interface IWalletStore
{
    /// <summary>The wallet's snapshot, or null when it was never committed.</summary>
    Task<StoredWallet?> ReadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Writes the snapshot and its entries; returns the new version tag.</summary>
    Task<string> CommitAsync(string userId, WalletCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Entries with a sequence below <paramref name="before"/> (and at most <paramref name="durableSequence"/>), newest first;
    /// at most <paramref name="limit"/> of them.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string userId, long durableSequence, long? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>The user's list rows that match <paramref name="query"/>, newest first; at most <paramref name="limit"/> of them.</summary>
    Task<IReadOnlyList<ListingRow>> ListAsync(string userId, ListingQuery query, int limit, CancellationToken cancellationToken = default);

    /// <summary>The durable entry of a deposit or credit by its deposit or refund id, or null when there is none.</summary>
    Task<LedgerEntry?> FindOperationAsync(string userId, string operationId, long durableSequence, CancellationToken cancellationToken = default);
}
