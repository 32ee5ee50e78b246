using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Payments;
using PaymentActors.Resilience.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.Resilience.Tests;

[Collection(GatewayClusterCollection.Name)]
public sealed class CircuitBreakerTests(GatewayClusterFixture fixture)
{
    [Fact]
    public async Task An_outage_opens_the_breaker_payments_then_fail_fast_with_funds_released_and_recovery_closes_it()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("1000.00");
        var gateway = fixture.Grains.GetGrain<IGatewayGrain>("mock");

        // The breaker judges the share of failures in its sampling window: start from a window that earlier tests no longer fill.
        await Eventually.UntilAsync(gateway.GetHealthAsync, h => h.State == "closed" && h.RecentFailures + h.RecentSuccesses == 0, "a quiet sampling window");
        await fixture.SetGatewayAsync(new { outage = true });
        try
        {
            // Payments fail during the outage until the breaker has seen enough failures to open. One payment makes
            // up to 8 calls (2 attempts per charge, 4 charges), and the breaker opens after 4 failed calls.
            var timesOpened = (await gateway.GetHealthAsync()).TimesOpened;
            var failedPayments = 0;
            while ((await gateway.GetHealthAsync()).TimesOpened == timesOpened)
            {
                var payment = await scenario.PayAsync("1.00");
                Assert.Equal(FailureReasons.GatewayUnavailable, payment.FailureReason);
                Assert.True(++failedPayments <= 1, $"the breaker did not open within its threshold of 4 failed calls: {await gateway.GetHealthAsync()}");
            }

            // While open, payments fail without a single request reaching the gateway, and their funds come back.
            var requestsBefore = await fixture.GatewayStatAsync("requests_received");
            var failFast = await scenario.PayAsync("2.00");
            Assert.Equal(PaymentStatus.Failed, failFast.Status);
            Assert.Equal(FailureReasons.GatewayUnavailable, failFast.FailureReason);
            var health = await gateway.GetHealthAsync();
            if (health.State == "open")
            {
                Assert.Equal(requestsBefore, await fixture.GatewayStatAsync("requests_received"));
            }

            Assert.True(health.RejectedCalls > 0);
            Assert.NotNull(health.LastOpenedAt);
            var wallet = await scenario.WalletAsync();
            Assert.Equal(1000.00m, wallet.Balance);
            Assert.Equal(0m, wallet.Reserved);
        }
        finally
        {
            await fixture.SetGatewayAsync(new { outage = false });
        }

        // After the break, a probe goes through, the breaker closes and payments complete again.
        var recovered = await Eventually.UntilAsync(
            () => scenario.PayAsync("3.00"), p => p.Status == PaymentStatus.Completed, "a payment to complete after the outage");
        Assert.Equal(PaymentStatus.Completed, recovered.Status);
        Assert.Equal("closed", (await gateway.GetHealthAsync()).State);
        Assert.Equal(997.00m, (await scenario.WalletAsync()).Balance);
    }
}
