using PaymentActors.Events;
using PaymentActors.FailureRecording;
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

    /// <summary>
    /// Issue 10, item 6: with the breaker open, a charge refused before anything was sent fails the payment at once:
    /// one call into the adapter (refused by the breaker), no request to the gateway, no retry and so no backoff.
    /// </summary>
    [Fact]
    public async Task While_the_breaker_is_open_a_payment_fails_at_once_without_a_gateway_request_or_a_retry()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var gateway = fixture.Grains.GetGrain<IGatewayGrain>("mock");
        await Eventually.UntilAsync(gateway.GetHealthAsync, h => h.State == "closed" && h.RecentFailures + h.RecentSuccesses == 0, "a quiet sampling window");
        await fixture.SetGatewayAsync(new { outage = true });
        try
        {
            var timesOpened = (await gateway.GetHealthAsync()).TimesOpened;
            await scenario.PayAsync("1.00");
            await Eventually.UntilAsync(gateway.GetHealthAsync, h => h.TimesOpened > timesOpened, "the breaker to open");

            // The break lasts two seconds; a payment that failed fast takes milliseconds, so the breaker is still open after it.
            var before = await gateway.GetHealthAsync();
            var requestsBefore = await fixture.GatewayStatAsync("requests_received");
            var payment = await scenario.PayAsync("2.00");
            var after = await gateway.GetHealthAsync();
            Assert.True(after.State == "open" && after.TimesOpened == before.TimesOpened, $"the breaker closed during the test: {after}");

            Assert.Equal(FailureReasons.GatewayUnavailable, payment.FailureReason);
            Assert.Equal(before.RejectedCalls + 1, after.RejectedCalls);
            Assert.Equal(requestsBefore, await fixture.GatewayStatAsync("requests_received"));
            var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
            var record = await failedEvents.RecordedFailureOfAsync(payment.Id);
            Assert.Equal(0, record.RetryCount);
            var wallet = await scenario.WalletAsync();
            Assert.Equal(100.00m, wallet.Available);
            Assert.Equal(0m, wallet.Reserved);
        }
        finally
        {
            await fixture.SetGatewayAsync(new { outage = false });
        }
    }
}
