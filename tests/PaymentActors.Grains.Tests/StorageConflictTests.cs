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

    /// <summary>
    /// The ending's write lands but its answer is lost, so memory keeps a stale ETag. The write must not be retried with
    /// it (every retry is refused, for ever): the activation ends, the next one reads the ending from storage, and a
    /// later write of the payment goes through at the first try.
    /// </summary>
    [Fact]
    public async Task An_ending_whose_write_landed_but_looked_failed_is_not_retried_and_the_next_activation_reads_it_from_storage()
    {
        var (scenario, paymentId, grain, gate) = await HeldPayment.StartAsync(fixture);
        var attemptsBefore = fixture.Storage.WriteAttemptsOf(grain.GetGrainId());
        var readsBefore = fixture.Storage.ReadsOf(grain.GetGrainId());

        fixture.Storage.LoseNextWriteAnswers(1, "payment");
        gate.SetResult();

        // A new activation shows itself by reading the payment from storage; the old one must have let go.
        var payment = await Eventually.UntilAsync(
            async () => (Snapshot: await grain.GetAsync(), Reads: fixture.Storage.ReadsOf(grain.GetGrainId())),
            seen => seen.Reads > readsBefore,
            "a new activation to read the payment from storage");

        // Read by the new activation, so this is what storage holds.
        Assert.Equal(PaymentStatus.Completed, payment.Snapshot!.Status);
        // The ending was asked of storage once: no retry with the stale ETag.
        Assert.Equal(attemptsBefore + 1, fixture.Storage.WriteAttemptsOf(grain.GetGrainId()));

        // The next write of this payment (a refund's) goes through at once: its ETag is the stored one.
        var refund = await grain.RefundAsync(new RefundCommand("rf-conflict", 4.00m, null));

        Assert.Equal(RefundOutcome.Refunded, refund.Outcome);
        Assert.Equal(94.00m, (await scenario.WalletAsync()).Balance);
    }
}
