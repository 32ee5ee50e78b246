using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>A gateway that is transiently unavailable: charges are retried up to MaxRetries (3), then the failure is recorded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GatewayRetryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Unavailability_under_the_retry_limit_is_absorbed_and_the_payment_completes()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.UnavailableFor(paymentId, 3);

        var payment = await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("10.00", paymentId));

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(4, fixture.ScriptedGateway.ChargeCalls(paymentId));
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Unavailability_over_the_retry_limit_fails_the_payment_releases_its_funds_and_records_the_retries()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.UnavailableFor(paymentId, 4);

        var payment = await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("10.00", paymentId));

        Assert.Equal(FailureReasons.GatewayUnavailable, payment.FailureReason);
        Assert.Equal(100.00m, (await scenario.WalletAsync()).Available);
        var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
        var record = await failedEvents.RecordedFailureOfAsync(paymentId);
        Assert.Equal(3, record.RetryCount);
        Assert.Equal("charge", record.Source);

        // The gateway is back (the script approves from the fifth charge on): an operator's replay completes the payment.
        Assert.Equal(FailedEventRetryOutcome.Retried, await failedEvents.RetryAsync(record.Id));
        Assert.Equal(PaymentStatus.Completed, (await scenario.WaitForEndAsync(paymentId)).Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        await Eventually.UntilAsync(() => failedEvents.GetAsync(record.Id), r => r!.Status == FailedEventStatus.Resolved, "the failed event to be resolved");
    }
}
