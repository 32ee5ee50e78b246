using Azure;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Payments;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// Issue 10, item 9: a payment write that storage refuses for what it is (the entity too large) is not retried for
/// ever; it is recorded and money stays where the saga's steps put it. A transient error is still retried.
/// </summary>
[Collection(GroupCommitCollection.Name)]
public sealed class StorageRefusalTests(GroupCommitClusterFixture fixture)
{
    private static Exception EntityTooLarge(string write) =>
        new RequestFailedException(400, $"The entity is larger than the maximum allowed size ({write}).", "EntityTooLarge", null);

    [Fact]
    public async Task An_ending_that_storage_refuses_is_tried_once_recorded_and_money_stays_settled_until_a_later_activation_writes_it()
    {
        var (scenario, paymentId, grain, gate) = await HeldPayment.StartAsync(fixture);
        var attemptsBefore = fixture.Storage.WriteAttemptsOf(grain.GetGrainId());
        var writesBefore = fixture.Storage.WritesOf(grain.GetGrainId());

        // Many refusals in store: a retry would meet one, so only the count of attempts tells whether it retried.
        fixture.Storage.FailNextWritesOf(grain.GetGrainId(), 100, EntityTooLarge);
        gate.SetResult();

        // Recorded only once the payment has given up the write (a retry loop never gets there).
        var recorded = await Eventually.UntilAsync(
            () => fixture.Grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery(Limit: 1000)),
            events => events.Any(e => e.PaymentId == paymentId),
            "the refused write to be recorded");

        Assert.Equal(attemptsBefore + 1, fixture.Storage.WriteAttemptsOf(grain.GetGrainId()));
        var failedEvent = Assert.Single(recorded, e => e.PaymentId == paymentId);
        Assert.Equal(PaymentGrain.WriteRefusedSource, failedEvent.Source);
        Assert.Equal(FailedEventStatus.Failed, failedEvent.Status);
        Assert.Equal("payment.completed", failedEvent.EventType);
        Assert.Contains("larger than the maximum allowed size", failedEvent.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(writesBefore, fixture.Storage.WritesOf(grain.GetGrainId()));
        // Money: debited once at the wallet, charged once at the gateway, nothing left reserved or refunded.
        var wallet = await scenario.WalletAsync();
        Assert.Equal(90.00m, wallet.Balance);
        Assert.Equal(0m, wallet.Reserved);
        Assert.Equal(1, fixture.Gateway.ChargeCalls(paymentId));
        Assert.False(fixture.Gateway.WasRefunded(paymentId));

        // Once storage takes it, the next activation (here, a read) resumes from the durable state and writes the ending,
        // with no second debit or charge.
        fixture.Storage.FailNextWrites(0);
        await Eventually.UntilAsync(
            async () => (await grain.GetAsync(), fixture.Storage.WritesOf(grain.GetGrainId())),
            seen => seen.Item2 > writesBefore,
            "a later activation to write the ending");

        Assert.Equal(PaymentStatus.Completed, fixture.Storage.DurableStateOf<PaymentState>(grain.GetGrainId())!.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        Assert.Equal(1, fixture.Gateway.ChargeCalls(paymentId));
        Assert.Single(await fixture.Grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery(Limit: 1000)), e => e.PaymentId == paymentId);
    }

    [Fact]
    public async Task A_refund_whose_write_storage_refuses_fails_at_once_and_its_retry_later_credits_the_wallet_only_once()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var payment = await scenario.PayAsync("10.00");
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(payment.Id);
        var attemptsBefore = fixture.Storage.WriteAttemptsOf(grain.GetGrainId());
        var writesBefore = fixture.Storage.WritesOf(grain.GetGrainId());

        // The refund's intent is written; the write after the gateway refund and the wallet credit is refused.
        fixture.Storage.FailNextWritesOf(grain.GetGrainId(), 100, EntityTooLarge, after: 1);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RefundAsync(new RefundCommand("rf-refused", 4.00m, null)));

        Assert.Equal(attemptsBefore + 2, fixture.Storage.WriteAttemptsOf(grain.GetGrainId()));
        Assert.Equal(94.00m, (await scenario.WalletAsync()).Balance);

        // Once storage takes it, the same refund retried completes without a second credit.
        fixture.Storage.FailNextWrites(0);
        // Done when the refund's completion is written (the intent was the one write that landed before).
        var retried = await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    return (Result: (RefundResult?)await grain.RefundAsync(new RefundCommand("rf-refused", 4.00m, null)), Writes: fixture.Storage.WritesOf(grain.GetGrainId()));
                }
                catch (Exception)
                {
                    // The refused activation may still be ending.
                    return (Result: null, Writes: fixture.Storage.WritesOf(grain.GetGrainId()));
                }
            },
            seen => seen.Result?.Outcome == RefundOutcome.Refunded && seen.Writes == writesBefore + 2,
            "the retried refund to complete and be written");

        Assert.Equal(4.00m, retried.Result!.Payment!.RefundedAmount);
        Assert.Equal(PaymentStatus.PartiallyRefunded, retried.Result.Payment.Status);
        Assert.Equal(94.00m, (await scenario.WalletAsync()).Balance);
        var recorded = await fixture.Grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery(Limit: 1000));
        Assert.Equal("payment.refunded", Assert.Single(recorded, e => e.PaymentId == payment.Id).EventType);
    }

    [Fact]
    public async Task An_ending_hit_by_transient_storage_errors_is_retried_until_it_is_durable()
    {
        var (scenario, paymentId, grain, gate) = await HeldPayment.StartAsync(fixture);
        var attemptsBefore = fixture.Storage.WriteAttemptsOf(grain.GetGrainId());
        var writesBefore = fixture.Storage.WritesOf(grain.GetGrainId());

        // More failures than the saga's step retries (3): a write is retried for as long as the trouble is transient.
        var failures = 0;
        fixture.Storage.FailNextWritesOf(grain.GetGrainId(), 6, write => Interlocked.Increment(ref failures) % 2 == 0
            ? new RequestFailedException(503, $"Server busy ({write}).", "ServerBusy", null)
            : new TimeoutException($"Timed out {write}."));
        gate.SetResult();

        await Eventually.UntilAsync(
            () => Task.FromResult(fixture.Storage.WritesOf(grain.GetGrainId())),
            writes => writes > writesBefore,
            "the ending to be durable");

        Assert.Equal(attemptsBefore + 7, fixture.Storage.WriteAttemptsOf(grain.GetGrainId()));
        Assert.Equal(PaymentStatus.Completed, fixture.Storage.DurableStateOf<PaymentState>(grain.GetGrainId())!.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
    }
}
