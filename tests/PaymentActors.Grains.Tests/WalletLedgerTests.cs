using Orleans.Runtime;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// The wallet's ledger (issue 13) and what a wallet holds per write (issue 10, items 12 and 13a): the ledger is written
/// with the group commit, is complete, and replays to the balance also when a commit fails before or after it landed.
/// </summary>
[Collection(GroupCommitCollection.Name)]
public sealed class WalletLedgerTests(GroupCommitClusterFixture fixture)
{
    [Fact]
    public async Task The_ledger_replays_to_the_balance_after_commits_that_failed_before_and_after_they_landed()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        await wallet.DepositAsync("dep-1", TestMoney.Usd("500.00"));

        // A batch that never reaches storage, then one that lands but whose answer is lost (a crash right after the write).
        fixture.Wallets.FailNextCommits(1);
        var lost = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TryAsync(() => wallet.ReserveAsync($"pay-a{i}", TestMoney.Usd("1.00")))));
        fixture.Wallets.LoseNextCommitAnswers(1);
        var landed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TryAsync(() => wallet.ReserveAsync($"pay-b{i}", TestMoney.Usd("2.00")))));
        Assert.Contains(lost, ok => !ok);
        Assert.Contains(landed, ok => !ok);

        // The callers retry, as the saga does (the first retry may meet the stale activation, which then reloads from
        // storage); then some reservations settle, and a refund is credited.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => RetryAsync(() => wallet.ReserveAsync($"pay-a{i}", TestMoney.Usd("1.00")))));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => RetryAsync(() => wallet.ReserveAsync($"pay-b{i}", TestMoney.Usd("2.00")))));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => wallet.ConfirmAsync($"pay-a{i}")));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => wallet.ReleaseAsync($"pay-b{i}", FailureReasons.GatewayRejected)));
        Assert.True((await wallet.CreditAsync("ref-1", "pay-a0", TestMoney.Usd("0.50"))).Credited);

        var snapshot = (await wallet.GetAsync())!;
        Assert.Equal(500.00m - 10.00m + 0.50m, snapshot.Balance);
        Assert.Equal(10 * 1.00m + 10 * 2.00m, snapshot.Reserved);
        var ledger = await fixture.Wallets.LedgerOf(userId);
        Assert.Null(LedgerReplay.FindInconsistency(ledger));
        Assert.Equal((snapshot.Balance, snapshot.Available), LedgerReplay.Replay(ledger));
        Assert.Equal(40, ledger.Count(e => e.Type == LedgerEntryTypes.Reserve));
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_by_sequence()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        for (var i = 0; i < 7; i++)
        {
            await wallet.DepositAsync($"dep-{i}", TestMoney.Usd("1.00"));
        }

        var first = await wallet.GetLedgerAsync(null, 3);
        var second = await wallet.GetLedgerAsync(first.Items[^1].Sequence, 3);
        var last = await wallet.GetLedgerAsync(second.Items[^1].Sequence, 3);

        Assert.Equal([7L, 6, 5], first.Items.Select(e => e.Sequence));
        Assert.True(first.HasMore);
        Assert.Equal([4L, 3, 2], second.Items.Select(e => e.Sequence));
        Assert.Equal([1L], last.Items.Select(e => e.Sequence));
        Assert.False(last.HasMore);
        Assert.Equal(7.00m, first.Items[0].BalanceAfter);
        Assert.Equal("dep-0", last.Items[0].DepositId);
    }

    [Fact]
    public async Task Past_the_cap_on_active_reservations_a_payment_fails_too_many_reservations_and_the_snapshot_stops_growing()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("1000.00");
        var held = await Task.WhenAll(Enumerable.Range(0, GroupCommitClusterFixture.MaxActiveReservations)
            .Select(i => scenario.Wallet.ReserveAsync($"hold-{i}", TestMoney.Usd("1.00"))));
        Assert.All(held, r => Assert.Equal(ReserveOutcome.Reserved, r.Outcome));
        var atCap = await SnapshotBytesAsync(scenario.UserId);

        var refused = await scenario.Wallet.ReserveAsync("one-too-many", TestMoney.Usd("1.00"));
        var payment = await scenario.PayAsync("1.00");

        Assert.Equal(ReserveOutcome.TooManyReservations, refused.Outcome);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal(FailureReasons.TooManyReservations, payment.FailureReason);

        // Many more operations later (each deposit a ledger entry), what a commit writes has not grown.
        for (var i = 0; i < 50; i++)
        {
            await scenario.Wallet.DepositAsync($"more-{i}", TestMoney.Usd("0.01"));
        }

        Assert.InRange(await SnapshotBytesAsync(scenario.UserId), atCap - 64, atCap + 64);
        Assert.Equal(GroupCommitClusterFixture.MaxActiveReservations, (await scenario.WalletAsync()).Reservations.Count);
    }

    [Fact]
    public async Task A_payment_for_a_wallet_that_does_not_exist_registers_no_expiry_reminder()
    {
        var userId = "nobody-" + Guid.NewGuid().ToString("N");
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);

        var result = await wallet.ReserveAsync("pay-1", TestMoney.Usd("1.00"));

        Assert.Equal(ReserveOutcome.WalletNotFound, result.Outcome);
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        Assert.Empty((await reminders.ReadRows(wallet.GetGrainId())).Reminders);

        // Once it exists, a reservation registers it as before.
        await wallet.DepositAsync("dep-1", TestMoney.Usd("5.00"));
        Assert.Equal(ReserveOutcome.Reserved, (await wallet.ReserveAsync("pay-2", TestMoney.Usd("1.00"))).Outcome);
        Assert.Single((await reminders.ReadRows(wallet.GetGrainId())).Reminders);
    }

    private async Task<int> SnapshotBytesAsync(string userId) =>
        (await fixture.Wallets.ReadAsync(userId))!.Snapshot.Length;

    private static async Task RetryAsync(Func<Task<ReserveResult>> reserve)
    {
        for (var attempt = 1; !await TryAsync(reserve); attempt++)
        {
            Assert.True(attempt < 5, "a reservation kept failing after the injected faults ended");
        }
    }

    private static async Task<bool> TryAsync(Func<Task<ReserveResult>> reserve)
    {
        try
        {
            return (await reserve()).Outcome == ReserveOutcome.Reserved;
        }
        catch (Exception exception) when (exception is IOException or OrleansException || exception.Message.Contains("Injected", StringComparison.Ordinal))
        {
            return false;
        }
    }
}
