using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Orleans.Storage;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Tests.Wallets;

/// <summary>
/// The wallet store on Azurite: snapshot and ledger committed together (one request for a batch under 100 entities, the
/// acting operator on its entry's row),
/// bigger batches split safely, the ledger read newest first, and a crash between a commit's transactions leaving
/// nothing a reader trusts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTableWalletStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_commit_is_one_request_and_the_ledger_reads_back_newest_first_with_exact_decimals()
    {
        var (store, faults) = NewStore();
        var userId = "auth0|user@example.com";
        var entries = Deposits(1, 5, 0.10m);
        entries[4] = entries[4] with { Actor = "back-office-7" };
        var before = faults.Requests;

        var etag = await store.CommitAsync(userId, new WalletCommit(Bytes("v1"), 5, entries, null));

        Assert.Equal(1 + 1, faults.Requests - before); // the table's creation, then one transaction
        var read = (await store.ReadAsync(userId))!;
        Assert.Equal(etag, read.ETag);
        Assert.Equal(5, read.Sequence);
        Assert.Equal("v1", Encoding.UTF8.GetString(read.Snapshot.Span));
        var page = await store.ReadLedgerAsync(userId, 5, null, 3);
        Assert.Equal([5L, 4, 3], page.Select(e => e.Sequence));
        Assert.Equal("0.50", page[0].BalanceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["back-office-7", null, null], page.Select(e => e.Actor)); // the actor rides on the entry's own row
        Assert.Equal([2L, 1], (await store.ReadLedgerAsync(userId, 5, 3, 3)).Select(e => e.Sequence));
        Assert.Equal("dep-3", (await store.FindOperationAsync(userId, "dep-3", 5))!.DepositId);
        Assert.Null(await store.FindOperationAsync(userId, "dep-9", 5));
    }

    [Fact]
    public async Task A_big_commit_and_a_big_snapshot_are_split_and_read_back_whole()
    {
        var (store, _) = NewStore();
        var userId = "big-" + Guid.NewGuid().ToString("N");
        var snapshot = new byte[300_000];
        Random.Shared.NextBytes(snapshot);

        // 150 deposits are 300 entities (entry and id pointer each): four transactions.
        await store.CommitAsync(userId, new WalletCommit(snapshot, 150, Deposits(1, 150, 1m), null));

        var read = (await store.ReadAsync(userId))!;
        Assert.Equal(snapshot, read.Snapshot.ToArray());
        var all = await store.ReadLedgerAsync(userId, 150, null, 1000);
        Assert.Equal(Enumerable.Range(1, 150).Reverse().Select(i => (long)i), all.Select(e => e.Sequence));
        Assert.Null(LedgerReplay.FindInconsistency([.. all.Reverse()]));
    }

    [Fact]
    public async Task A_stale_writer_is_refused_before_it_writes_anything()
    {
        var (store, _) = NewStore();
        var userId = "stale-" + Guid.NewGuid().ToString("N");
        var first = await store.CommitAsync(userId, new WalletCommit(Bytes("v1"), 2, Deposits(1, 2, 1m), null));
        await store.CommitAsync(userId, new WalletCommit(Bytes("v2"), 3, Deposits(3, 1, 1m, balanceBefore: 2m), first));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            store.CommitAsync(userId, new WalletCommit(Bytes("stale"), 200, Deposits(3, 198, 5m, balanceBefore: 2m), first)));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            store.CommitAsync(userId, new WalletCommit(Bytes("fresh"), 1, Deposits(1, 1, 1m), null)));

        var read = (await store.ReadAsync(userId))!;
        Assert.Equal("v2", Encoding.UTF8.GetString(read.Snapshot.Span));
        var ledger = await store.ReadLedgerAsync(userId, 1000, null, 1000);
        Assert.Equal([3L, 2, 1], ledger.Select(e => e.Sequence));
        Assert.Equal(1m, ledger[0].Amount);
    }

    [Fact]
    public async Task After_a_crash_between_a_commits_transactions_readers_see_the_last_whole_commit_and_the_next_commit_overwrites_the_rest()
    {
        var (store, faults) = NewStore();
        var userId = "crash-" + Guid.NewGuid().ToString("N");
        var etag = await store.CommitAsync(userId, new WalletCommit(Bytes("v1"), 10, Deposits(1, 10, 1m), null));

        // 120 deposits need three transactions; the process "stops" before the second is sent.
        faults.FailBatch(2);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.CommitAsync(userId, new WalletCommit(Bytes("lost"), 130, Deposits(11, 120, 7m, balanceBefore: 10m), etag)));

        var afterCrash = (await store.ReadAsync(userId))!;
        Assert.Equal(10, afterCrash.Sequence);
        Assert.Equal("v1", Encoding.UTF8.GetString(afterCrash.Snapshot.Span));
        var visible = await store.ReadLedgerAsync(userId, afterCrash.Sequence, null, 1000);
        Assert.Equal(10, visible.Count);
        Assert.Equal((10m, 10m), LedgerReplay.Replay(visible.Reverse()));
        Assert.Null(await store.FindOperationAsync(userId, "dep-11", afterCrash.Sequence));

        // The wallet reloads (the marker changed the ETag) and commits other operations over the same sequences.
        await store.CommitAsync(userId, new WalletCommit(Bytes("v2"), 12, Deposits(11, 2, 3m, balanceBefore: 10m, prefix: "other-"), afterCrash.ETag));

        var ledger = (await store.ReadLedgerAsync(userId, 12, null, 1000)).Reverse().ToList();
        Assert.Null(LedgerReplay.FindInconsistency(ledger));
        Assert.Equal((16m, 16m), LedgerReplay.Replay(ledger));

        // A pointer the lost commit left behind (dep-12 at sequence 12) does not pass for the entry now at 12.
        Assert.Null(await store.FindOperationAsync(userId, "dep-12", 12));
        Assert.Equal("other-12", (await store.FindOperationAsync(userId, "other-12", 12))!.DepositId);
    }

    private (AzureTableWalletStore Store, BatchFaults Faults) NewStore()
    {
        var faults = new BatchFaults();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        clientOptions.Retry.MaxRetries = 0;
        var options = new AzureTableWalletStoreOptions
        {
            TableName = "wallets" + Guid.NewGuid().ToString("N")[..12],
            TableServiceClient = new TableServiceClient(azurite.ConnectionString, clientOptions),
        };
        return (new AzureTableWalletStore(Microsoft.Extensions.Options.Options.Create(options)), faults);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static List<LedgerEntry> Deposits(long first, int count, decimal amount, decimal balanceBefore = 0m, string prefix = "dep-") =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var sequence = first + i;
            var balance = balanceBefore + (amount * (i + 1));
            return new LedgerEntry(sequence, LedgerEntryTypes.Deposit, amount, "USD", null, prefix + sequence, null, balance, balance, Now, "evt-" + sequence);
        })];
}
