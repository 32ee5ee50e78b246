using System.Collections.Concurrent;
using Orleans.Serialization;
using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// Wraps the in-memory wallet store: counts commits per wallet, and fails chosen commits on demand, either before they
/// reach storage (an outage) or after they landed (a lost answer, as a crash right after the write would look).
/// </summary>
public sealed class FaultInjectingWalletStore(IWalletStore inner, Serializer<WalletState> serializer) : IWalletStore
{
    private readonly ConcurrentDictionary<string, int> _commits = new(StringComparer.Ordinal);
    private int _commitsToFail;
    private int _commitsToLose;
    private TaskCompletionSource? _gate;
    private string? _heldUserId;
    private int _commitsHeld;

    public int CommitsOf(string userId) => _commits.GetValueOrDefault(userId);

    /// <summary>The wallet's snapshot as storage holds it now.</summary>
    public async Task<WalletState?> DurableStateOf(string userId) =>
        await inner.ReadAsync(userId) is { } stored ? serializer.Deserialize(stored.Snapshot.ToArray()) : null;

    /// <summary>Every durable ledger entry of the wallet, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerOf(string userId)
    {
        var stored = await inner.ReadAsync(userId);
        return stored is null ? [] : [.. (await inner.ReadLedgerAsync(userId, stored.Sequence, null, int.MaxValue)).Reverse()];
    }

    /// <summary>The next <paramref name="count"/> commits fail before reaching storage.</summary>
    public void FailNextCommits(int count) => Interlocked.Exchange(ref _commitsToFail, count);

    /// <summary>The next <paramref name="count"/> commits reach storage, then fail as if the answer was lost.</summary>
    public void LoseNextCommitAnswers(int count) => Interlocked.Exchange(ref _commitsToLose, count);

    /// <summary>The wallet's commits wait until <see cref="ReleaseCommits"/>, as they would behind a slow storage.</summary>
    public void HoldCommits(string userId)
    {
        _commitsHeld = 0;
        _heldUserId = userId;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseCommits() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    public int CommitsHeld => Volatile.Read(ref _commitsHeld);

    public Task<StoredWallet?> ReadAsync(string userId, CancellationToken cancellationToken = default) => inner.ReadAsync(userId, cancellationToken);

    public async Task<string> CommitAsync(string userId, WalletCommit commit, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _commitsToFail) > 0 && Interlocked.Decrement(ref _commitsToFail) >= 0)
        {
            throw new IOException($"Injected storage failure committing wallet {userId}.");
        }

        if (Volatile.Read(ref _gate) is { } gate && userId == _heldUserId)
        {
            Interlocked.Increment(ref _commitsHeld);
            await gate.Task;
        }

        var etag = await inner.CommitAsync(userId, commit, cancellationToken);
        _commits.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (Volatile.Read(ref _commitsToLose) > 0 && Interlocked.Decrement(ref _commitsToLose) >= 0)
        {
            throw new IOException($"Injected lost answer after committing wallet {userId}.");
        }

        return etag;
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string userId, long durableSequence, long? before, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadLedgerAsync(userId, durableSequence, before, limit, cancellationToken);

    public Task<IReadOnlyList<ListingRow>> ListAsync(string userId, ListingQuery query, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(userId, query, limit, cancellationToken);

    public Task<LedgerEntry?> FindOperationAsync(string userId, string operationId, long durableSequence, CancellationToken cancellationToken = default) =>
        inner.FindOperationAsync(userId, operationId, durableSequence, cancellationToken);
}
