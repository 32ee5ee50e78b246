using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>Issue 10, item 11: a payment write that landed but looked failed (a conflict) is settled by storage, not memory.</summary>
[Collection(GroupCommitCollection.Name)]
public sealed class StorageConflictTests(GroupCommitClusterFixture fixture)
{
    [Fact]
    public async Task A_create_whose_write_landed_but_looked_failed_reloads_and_the_payment_goes_on()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();

        fixture.Storage.LoseNextWriteAnswers(1, "payment");
        var created = await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).CreateAsync(scenario.Request("10.00"));
        var payment = await scenario.WaitForEndAsync(paymentId);

        Assert.Equal(CreatePaymentOutcome.Created, created.Outcome);
        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task An_ending_whose_write_landed_but_looked_failed_is_not_retried_with_a_stale_etag_and_the_payment_stays_usable()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        var gate = fixture.Gateway.HoldCharge(paymentId);
        await scenario.StartPaymentAsync("10.00", paymentId);
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Gateway.ChargeCalls(paymentId)), n => n == 1, "the charge");

        fixture.Storage.LoseNextWriteAnswers(1, "payment");
        gate.SetResult();
        var payment = await scenario.WaitForEndAsync(paymentId);

        // A later write of this payment (a refund's) must not be stuck behind the stale ETag.
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(paymentId);
        var refund = await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    return (await grain.RefundAsync(new RefundCommand("rf-conflict", 4.00m, null))).Outcome;
                }
                catch (Exception)
                {
                    return RefundOutcome.NotFound;
                }
            },
            outcome => outcome == RefundOutcome.Refunded,
            "the refund to go through");

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(RefundOutcome.Refunded, refund);
        Assert.Equal(94.00m, (await scenario.WalletAsync()).Balance);
    }
}
