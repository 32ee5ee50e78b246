using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>In a cluster, a payment is activated on its wallet's silo, so its saga's wallet calls stay in one process.</summary>
public sealed class WalletAffinePlacementTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task A_payment_created_with_its_wallet_named_is_activated_on_the_wallets_silo()
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var walletSilos = new HashSet<SiloAddress>();

        // Wallets until both silos hold some (a wallet's silo follows from its id), each paid from once: payments
        // placed by chance would land beside their wallets in one case of two.
        for (var i = 0; i < 40 && (walletSilos.Count < 2 || i < 8); i++)
        {
            var scenario = new PaymentScenario(fixture.Grains);
            await scenario.FundAsync("100.00");
            var walletSilo = await management.GetActivationAddress(scenario.Wallet);
            Assert.NotNull(walletSilo);
            walletSilos.Add(walletSilo);

            var payment = fixture.Grains.GetGrain<IPaymentGrain>(PaymentScenario.NewPaymentId());
            await WalletAffinity.CallAsync(scenario.UserId, () => payment.CreateAsync(scenario.Request("1.00")));

            Assert.Equal(walletSilo, await management.GetActivationAddress(payment));
            await scenario.WaitForEndAsync(payment.GetPrimaryKeyString());
        }

        Assert.Equal(2, walletSilos.Count);
    }
}
