using PaymentActors.Payments;
using PaymentActors.Resilience.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.Resilience.Tests;

/// <summary>Charges whose answer the client did not get in time: resolved by re-sending the charge with its key, over real HTTP.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class GatewayTimeoutTests(GatewayClusterFixture fixture)
{
    [Fact]
    public async Task A_charge_answered_after_the_client_timeout_is_resolved_by_re_sending_it_with_one_deduction()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var approvedBefore = await fixture.GatewayStatAsync("charges_approved");
        var replaysBefore = await fixture.GatewayStatAsync("charge_replays");
        await fixture.SetGatewayAsync(new { timeout_rate = 1.0, timeout_hold_ms = 5_000 });
        string paymentId;
        try
        {
            paymentId = await scenario.StartPaymentAsync("25.00");
            await Eventually.UntilAsync(() => fixture.GatewayStatAsync("charges_approved"), n => n > approvedBefore, "the gateway to record the charge");
        }
        finally
        {
            await fixture.SetGatewayAsync(new { timeout_rate = 0.0 });
        }

        var payment = await scenario.WaitForEndAsync(paymentId);

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(75.00m, (await scenario.WalletAsync()).Balance);
        Assert.Equal(approvedBefore + 1, await fixture.GatewayStatAsync("charges_approved"));
        Assert.True(await fixture.GatewayStatAsync("charge_replays") > replaysBefore);
    }

    /// <summary>
    /// Issue 10, item 8, over HTTP: the charge's request is still being processed when the client gives up, so a lookup
    /// would say 404; it lands afterwards. Re-sends meanwhile are told "processing", and the first definitive answer
    /// (approved) completes the payment: the money charged is the money debited.
    /// </summary>
    [Fact]
    public async Task A_charge_still_processing_after_the_client_timeout_completes_once_it_lands()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var approvedBefore = await fixture.GatewayStatAsync("charges_approved");
        var inProgressBefore = await fixture.GatewayStatAsync("charges_in_progress");
        var latency = (int)(GatewayClusterFixture.AttemptTimeout.TotalMilliseconds * 4);
        await fixture.SetGatewayAsync(new { latency_min_ms = latency, latency_max_ms = latency });
        string paymentId;
        try
        {
            paymentId = await scenario.StartPaymentAsync("25.00");
            await Eventually.UntilAsync(() => fixture.GatewayStatAsync("charges_approved"), n => n > approvedBefore, "the late request to land");
        }
        finally
        {
            await fixture.SetGatewayAsync(new { latency_min_ms = 0, latency_max_ms = 0 });
        }

        var payment = await scenario.WaitForEndAsync(paymentId);

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(75.00m, (await scenario.WalletAsync()).Balance);
        Assert.Equal(approvedBefore + 1, await fixture.GatewayStatAsync("charges_approved"));
        Assert.True(await fixture.GatewayStatAsync("charges_in_progress") > inProgressBefore);
    }
}
