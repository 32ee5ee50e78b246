using PaymentActors.Testing;
using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

[Collection(GroupCommitCollection.Name)]
public sealed class GroupCommitTests(GroupCommitClusterFixture fixture)
{
    [Fact]
    public async Task Two_hundred_concurrent_reservations_on_a_wallet_that_affords_120_reserve_exactly_120_in_fewer_writes()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        await wallet.DepositAsync("dep-1", TestMoney.Usd("120.00"));
        var writesBefore = fixture.Wallets.CommitsOf(userId);

        // The first write is held open, as a slow storage would: the others arrive meanwhile and must share writes.
        fixture.Wallets.HoldCommits(userId);
        var reserving = Task.WhenAll(Enumerable.Range(0, 200).Select(i => wallet.ReserveAsync($"pay-{i}", TestMoney.Usd("1.00"))));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Wallets.CommitsHeld), held => held >= 1, "the first write to reach storage");
        await Eventually.UntilAsync(
            () => Task.FromResult(fixture.Arrived.Of(wallet.GetGrainId(), nameof(IWalletGrain.ReserveAsync))), n => n == 200, "every reservation to reach the wallet");
        fixture.Wallets.ReleaseCommits();
        var results = await reserving;

        Assert.Equal(120, results.Count(r => r.Outcome == ReserveOutcome.Reserved));
        Assert.Equal(80, results.Count(r => r.Outcome == ReserveOutcome.InsufficientFunds));
        var snapshot = (await wallet.GetAsync())!;
        Assert.Equal(120.00m, snapshot.Reserved);
        Assert.Equal(0m, snapshot.Available);
        var writes = fixture.Wallets.CommitsOf(userId) - writesBefore;
        Assert.True(writes < 120, $"120 reservations took {writes} writes: the wallet did not batch them");
        Assert.Equal(120, (await fixture.Wallets.DurableStateOf(userId))!.Reservations.Count);
    }

    [Fact]
    public async Task When_a_batch_write_fails_its_callers_get_errors_and_the_wallet_holds_what_storage_holds()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        await wallet.DepositAsync("dep-1", TestMoney.Usd("1000.00"));
        var warmUp = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => wallet.ReserveAsync($"warm-{i}", TestMoney.Usd("1.00"))));
        Assert.All(warmUp, r => Assert.Equal(ReserveOutcome.Reserved, r.Outcome));

        fixture.Wallets.FailNextCommits(1);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            try
            {
                return (Id: $"pay-{i}", Ok: (await wallet.ReserveAsync($"pay-{i}", TestMoney.Usd("2.00"))).Outcome == ReserveOutcome.Reserved);
            }
            catch (Exception exception) when (exception is IOException || exception.InnerException is IOException || exception.Message.Contains("Injected", StringComparison.Ordinal))
            {
                return (Id: $"pay-{i}", Ok: false);
            }
        }));

        var failed = attempts.Where(a => !a.Ok).Select(a => a.Id).ToHashSet();
        Assert.NotEmpty(failed);
        var durable = (await fixture.Wallets.DurableStateOf(userId))!;
        var durableIds = durable.Reservations.Select(r => r.PaymentId).Where(id => id.StartsWith("pay-", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(attempts.Where(a => a.Ok).Select(a => a.Id).ToHashSet(), durableIds);
        var snapshot = (await wallet.GetAsync())!;
        Assert.Equal(durable.Balance, snapshot.Balance);
        Assert.Equal(durable.Reservations.Sum(r => r.Amount), snapshot.Reserved);
        Assert.Equal(durable.Version, snapshot.Version);

        // The callers that failed may retry: each retry has exactly one effect.
        var retried = await Task.WhenAll(failed.Select(id => wallet.ReserveAsync(id, TestMoney.Usd("2.00"))));
        Assert.All(retried, r => Assert.Equal(ReserveOutcome.Reserved, r.Outcome));
        Assert.Equal(20 + 200.00m, (await wallet.GetAsync())!.Reserved);
        Assert.Equal(FailureReasons.InsufficientFunds, (await wallet.ReserveAsync("too-much", TestMoney.Usd("781.00"))).Event!.Reason);
    }
}
