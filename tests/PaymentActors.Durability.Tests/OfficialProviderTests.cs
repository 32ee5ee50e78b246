using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using PaymentActors.Grains.Payments;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Durability.Tests;

/// <summary>
/// Orleans's own Azure Table grain storage, as the silo wires it (AddPaymentActorsAzureTables + AddPaymentActors):
/// money keeps its exact decimal scale, and a write from a stale copy is refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OfficialProviderTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Wallet_and_payment_states_come_back_from_the_table_with_their_decimal_scale()
    {
        await using var cluster = await new Deployment(azurite.ConnectionString, TimeProvider.System, new CountingGateway(), output).StartClusterAsync();
        var storage = StorageOf(cluster);
        foreach (var amount in new[] { "100.50", "100", "0.00" })
        {
            var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
            var walletId = cluster.Client.GetGrain<IWalletGrain>("scale-" + Guid.NewGuid().ToString("N")).GetGrainId();
            var paymentId = cluster.Client.GetGrain<IPaymentGrain>(PaymentScenario.NewPaymentId()).GetGrainId();

            await storage.WriteStateAsync("wallet", walletId, new GrainState<WalletState>(new WalletState { Currency = "USD", Balance = value }));
            await storage.WriteStateAsync("payment", paymentId, new GrainState<PaymentState>(new PaymentState
            {
                Request = new PaymentRequest("scale-user", "svc-1", new Money.Money(value, "USD"), "scale"),
            }));

            var wallet = new GrainState<WalletState>(new WalletState());
            var payment = new GrainState<PaymentState>(new PaymentState());
            await storage.ReadStateAsync("wallet", walletId, wallet);
            await storage.ReadStateAsync("payment", paymentId, payment);
            Assert.Equal(amount, wallet.State!.Balance.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(amount, payment.State!.Request!.Amount.Amount.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_wallet_and_its_payment_read_by_a_new_cluster_show_the_amounts_they_were_given()
    {
        var deployment = new Deployment(azurite.ConnectionString, TimeProvider.System, new CountingGateway(), output);
        string userId, paymentId;
        await using (var first = await deployment.StartClusterAsync())
        {
            var user = new PaymentScenario(first.Client);
            userId = user.UserId;
            await user.FundAsync("100.50");
            var paid = await user.PayAsync("100.50");
            Assert.Equal(PaymentStatus.Completed, paid.Status);
            paymentId = paid.Id;
            await first.StopAsync();
        }

        await using var second = await deployment.StartClusterAsync();
        var wallet = (await second.Client.GetGrain<IWalletGrain>(userId).GetAsync())!;
        var payment = (await second.Client.GetGrain<IPaymentGrain>(paymentId).GetAsync())!;
        Assert.Equal("0.00", wallet.Balance.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("100.50", payment.Request.Amount.Amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_gets_InconsistentStateException_and_the_newer_state_stays()
    {
        await using var cluster = await new Deployment(azurite.ConnectionString, TimeProvider.System, new CountingGateway(), output).StartClusterAsync();
        var storage = StorageOf(cluster);
        var walletId = cluster.Client.GetGrain<IWalletGrain>("etag-" + Guid.NewGuid().ToString("N")).GetGrainId();
        await storage.WriteStateAsync("wallet", walletId, new GrainState<WalletState>(new WalletState { Currency = "USD", Balance = 10.00m }));
        var (mine, theirs) = (new GrainState<WalletState>(new WalletState()), new GrainState<WalletState>(new WalletState()));
        await storage.ReadStateAsync("wallet", walletId, mine);
        await storage.ReadStateAsync("wallet", walletId, theirs);

        theirs.State!.Balance = 20.00m;
        await storage.WriteStateAsync("wallet", walletId, theirs);
        mine.State!.Balance = 30.00m;
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("wallet", walletId, mine));

        var stored = new GrainState<WalletState>(new WalletState());
        await storage.ReadStateAsync("wallet", walletId, stored);
        Assert.Equal(20.00m, stored.State!.Balance);
    }

    private static IGrainStorage StorageOf(DeploymentCluster cluster)
    {
        var storage = DeploymentCluster.ServicesOf(cluster.Silos[0]).GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Assert.IsType<AzureTableGrainStorage>(storage);
        return storage;
    }
}
