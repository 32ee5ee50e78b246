using PaymentActors.Testing;
using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RefundAndCancelTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Partial_refunds_add_up_to_the_payment_and_no_further()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var payment = await scenario.PayAsync("60.00");
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(payment.Id);

        var first = await grain.RefundAsync(new RefundCommand("rf-1", 20.00m, "damaged"));
        var second = await grain.RefundAsync(new RefundCommand("rf-2", 30.00m, "late"));
        var tooMuch = await grain.RefundAsync(new RefundCommand("rf-3", 10.01m, "greedy"));
        var replay = await grain.RefundAsync(new RefundCommand("rf-1", 20.00m, "damaged"));
        var rest = await grain.RefundAsync(new RefundCommand("rf-4", null, "the rest"));

        Assert.Equal(RefundOutcome.Refunded, first.Outcome);
        Assert.Equal(PaymentStatus.PartiallyRefunded, second.Payment!.Status);
        Assert.Equal(RefundOutcome.ExceedsPayment, tooMuch.Outcome);
        Assert.True(replay.Replayed);
        Assert.Equal(RefundOutcome.Refunded, rest.Outcome);
        Assert.Equal(10.00m, rest.Refund!.Amount);
        Assert.Equal(PaymentStatus.Refunded, rest.Payment!.Status);
        Assert.Equal(60.00m, rest.Payment.RefundedAmount);
        Assert.Equal(100.00m, (await scenario.WalletAsync()).Balance);
        var events = await grain.GetEventsAsync();
        Assert.Equal(3, events.Count(e => e.Type == EventTypes.PaymentRefunded));
        Assert.Equal(3, events.Count(e => e.Type == EventTypes.FundsCredited));
    }

    [Fact]
    public async Task Concurrent_refunds_cannot_exceed_the_payment()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var payment = await scenario.PayAsync("50.00");
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(payment.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.RefundAsync(new RefundCommand($"rf-{i}", 7.00m, null))));

        Assert.Equal(7, results.Count(r => r.Outcome == RefundOutcome.Refunded));
        Assert.Equal(13, results.Count(r => r.Outcome == RefundOutcome.ExceedsPayment));
        Assert.Equal(49.00m, (await grain.GetAsync())!.RefundedAmount);
        Assert.Equal(99.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task A_payment_takes_at_most_100_refunds_and_a_reason_of_at_most_500_characters()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("10.00");
        var payment = await scenario.PayAsync("2.00");
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(payment.Id);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.RefundAsync(new RefundCommand("rf-long", 0.01m, new string('r', 501))));
        var results = await Task.WhenAll(Enumerable.Range(0, 101).Select(i => grain.RefundAsync(new RefundCommand($"rf-{i}", 0.01m, new string('r', 500)))));

        Assert.Equal(100, results.Count(r => r.Outcome == RefundOutcome.Refunded));
        Assert.Single(results, r => r.Outcome == RefundOutcome.LimitReached);
        Assert.Equal(1.00m, (await grain.GetAsync())!.RefundedAmount);
        Assert.Equal(9.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Only_charged_payments_can_be_refunded()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("10.00");
        var failed = await scenario.PayAsync("20.00");

        var result = await fixture.Grains.GetGrain<IPaymentGrain>(failed.Id).RefundAsync(new RefundCommand("rf-1", null, null));

        Assert.Equal(RefundOutcome.NotRefundable, result.Outcome);
        Assert.Equal(RefundOutcome.NotFound, (await fixture.Grains.GetGrain<IPaymentGrain>("pay_missing").RefundAsync(new RefundCommand("rf-1", null, null))).Outcome);
        Assert.Equal(10.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Cancel_before_the_charge_releases_the_reservation_and_after_the_charge_is_refused()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var stuck = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.NeverAnswer(stuck);
        await scenario.StartPaymentAsync("30.00", stuck);
        await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 1, "the reservation");

        // The charge of this one is under way (it never answers), so it can no longer be voided.
        var late = await fixture.Grains.GetGrain<IPaymentGrain>(stuck).CancelAsync();
        Assert.Equal(CancelOutcome.NotCancellable, late.Outcome);

        var completed = await scenario.PayAsync("10.00");
        Assert.Equal(CancelOutcome.NotCancellable, (await fixture.Grains.GetGrain<IPaymentGrain>(completed.Id).CancelAsync()).Outcome);

        // A wallet-less payment fails at once; a fresh one is cancelled while pending, before any reservation exists.
        var pendingId = await scenario.StartPaymentAsync("5.00");
        var cancelled = await fixture.Grains.GetGrain<IPaymentGrain>(pendingId).CancelAsync();
        var final = await scenario.WaitForEndAsync(pendingId);

        Assert.Contains(cancelled.Outcome, new[] { CancelOutcome.Cancelled, CancelOutcome.NotCancellable });
        if (cancelled.Outcome == CancelOutcome.Cancelled)
        {
            Assert.Equal(PaymentStatus.Cancelled, final.Status);
            Assert.Equal(CancelOutcome.AlreadyCancelled, (await fixture.Grains.GetGrain<IPaymentGrain>(pendingId).CancelAsync()).Outcome);
        }

        var wallet = await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 1, "only the stuck hold to remain");
        var expectedBalance = 100.00m - 10.00m - (final.Status == PaymentStatus.Completed ? 5.00m : 0m);
        Assert.Equal(expectedBalance, wallet.Balance);
        Assert.Equal(30.00m, wallet.Reserved);
    }
}
