using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

/// <summary>The storage requests a payment costs: what it must read and write, and nothing more.</summary>
[Collection(GroupCommitCollection.Name)]
public sealed class PaymentStorageCostTests(GroupCommitClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_payment_under_a_just_minted_id_is_not_read_from_storage_but_one_under_a_client_key_is()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        await fixture.Grains.GetGrain<IWalletGrain>(userId).DepositAsync("dep-1", TestMoney.Usd("10.00"));
        var request = new PaymentRequest(userId, "svc", TestMoney.Usd("1.00"), null);

        var mintedId = EventIds.New("pay", DateTimeOffset.UtcNow);
        var minted = fixture.Grains.GetGrain<IPaymentGrain>(mintedId);
        var created = await MintedIds.CallAsync(mintedId, () => minted.CreateAndWaitAsync(request, Wait));

        var keyedId = EventIds.Derive("pay", userId, "client-key-1");
        var keyed = fixture.Grains.GetGrain<IPaymentGrain>(keyedId);
        var keyedCreated = await keyed.CreateAndWaitAsync(request, Wait);
        var replay = await keyed.CreateAsync(request);

        Assert.Equal(PaymentStatus.Completed, created.Payment!.Status);
        Assert.Equal(0, fixture.Storage.ReadsOf(minted.GetGrainId()));
        Assert.True(fixture.Storage.WritesOf(minted.GetGrainId()) >= 1, "the payment was never written");
        Assert.Equal(PaymentStatus.Completed, keyedCreated.Payment!.Status);
        Assert.Equal(1, fixture.Storage.ReadsOf(keyed.GetGrainId()));
        Assert.Equal(CreatePaymentOutcome.AlreadyExists, replay.Outcome);
    }
}
