using PaymentActors.Payments;
using PaymentActors.Resilience.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.Resilience.Tests;

[Collection(GatewayClusterCollection.Name)]
public sealed class GatewayTimeoutTests(GatewayClusterFixture fixture)
{
    [Fact]
    public async Task A_charge_answered_after_the_client_timeout_reconciles_to_completed_with_one_deduction()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var approvedBefore = await fixture.GatewayStatAsync("charges_approved");
        await fixture.SetGatewayAsync(new { timeout_rate = 1.0, timeout_hold_ms = 5_000 });
        try
        {
            var payment = await scenario.PayAsync("25.00");

            Assert.Equal(PaymentStatus.Completed, payment.Status);
            Assert.Equal(75.00m, (await scenario.WalletAsync()).Balance);
            Assert.Equal(approvedBefore + 1, await fixture.GatewayStatAsync("charges_approved"));
        }
        finally
        {
            await fixture.SetGatewayAsync(new { timeout_rate = 0.0 });
        }
    }
}
