using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>An operator's retry after a compensation is a new charge, never the replay of the one that was voided.</summary>
[Collection(GroupCommitCollection.Name)]
public sealed class OperatorRetryTests(GroupCommitClusterFixture fixture)
{
    /// <summary>
    /// Issue 10, item 7: charge approved → confirm fails past its retries (wallet storage trouble) → release → the
    /// charge is voided → payment failed, retryable → operator retry → the wallet must not be debited for a charge
    /// that was refunded.
    /// </summary>
    [Fact]
    public async Task A_retry_after_the_charge_was_voided_charges_again_and_the_debit_matches_a_charge_that_stands()
    {
        var (scenario, paymentId, _, gate) = await HeldPayment.StartAsync(fixture);

        // The confirm's write fails on the first try and on all three retries; the release after it succeeds.
        fixture.Wallets.FailNextCommits(4);
        gate.SetResult();
        var failed = await scenario.WaitForEndAsync(paymentId);

        Assert.Equal(FailureReasons.WalletUnavailable, failed.FailureReason);
        Assert.True(fixture.Gateway.WasCharged(paymentId, attempt: 0));
        Assert.True(fixture.Gateway.WasRefunded(paymentId, attempt: 0));
        Assert.Equal(100.00m, (await scenario.WalletAsync()).Available);

        var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
        var record = await failedEvents.RecordedFailureOfAsync(paymentId);
        Assert.Equal(FailedEventRetryOutcome.Retried, await failedEvents.RetryAsync(record.Id));
        var retried = await scenario.WaitForEndAsync(paymentId);

        // Debited once, for the second attempt's charge, which stands; the first attempt's stays refunded.
        Assert.Equal(PaymentStatus.Completed, retried.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        Assert.True(fixture.Gateway.WasCharged(paymentId, attempt: 1));
        Assert.False(fixture.Gateway.WasRefunded(paymentId, attempt: 1));
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).GetEventsAsync();
        Assert.Equal(2, events.Count(e => e.Type == EventTypes.GatewayApproved));
        Assert.Single(events, e => e.Type == EventTypes.FundsDeducted);
    }
}
