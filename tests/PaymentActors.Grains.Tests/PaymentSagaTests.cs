using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PaymentSagaTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Happy_path_deducts_the_amount_and_records_the_events_in_order()
    {
        var scenario = new PaymentScenario(fixture);
        await scenario.FundAsync("1000.00");

        var payment = await scenario.PayAsync("100.50");

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Null(payment.FailureReason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal("899.50", Money.Money.Format(wallet.Balance, wallet.Currency));
        Assert.Equal(0m, wallet.Reserved);
        Assert.Empty(wallet.Reservations);
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(payment.Id).GetEventsAsync();
        Assert.Equal(
            [EventTypes.PaymentInitiated, EventTypes.FundsReserved, EventTypes.GatewayApproved, EventTypes.FundsDeducted, EventTypes.PaymentCompleted],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(100.50m, e.Amount));
        Assert.Equal(events.OrderBy(e => e.OccurredAt).Select(e => e.Id), events.Select(e => e.Id));
    }

    [Fact]
    public async Task Insufficient_funds_fails_the_payment_and_leaves_the_wallet_untouched()
    {
        var scenario = new PaymentScenario(fixture);
        var before = await scenario.FundAsync("50.00");

        var payment = await scenario.PayAsync("50.01");

        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal(FailureReasons.InsufficientFunds, payment.FailureReason);
        var after = await scenario.WalletAsync();
        Assert.Equal(before.Balance, after.Balance);
        Assert.Equal(0m, after.Reserved);
        Assert.Empty(after.Reservations);
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(payment.Id).GetEventsAsync();
        Assert.Equal([EventTypes.PaymentInitiated, EventTypes.ReservationFailed, EventTypes.PaymentFailed], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Paying_from_a_wallet_that_does_not_exist_fails_with_wallet_not_found()
    {
        var scenario = new PaymentScenario(fixture);

        var payment = await scenario.PayAsync("10.00");

        Assert.Equal(FailureReasons.WalletNotFound, payment.FailureReason);
        Assert.Null(await scenario.Wallet.GetAsync());
    }

    [Fact]
    public async Task Gateway_rejection_releases_the_reservation()
    {
        var scenario = new PaymentScenario(fixture);
        await scenario.FundAsync("200.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.Decline(paymentId);

        var payment = await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("75.00", paymentId));

        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal(FailureReasons.GatewayRejected, payment.FailureReason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(200.00m, wallet.Balance);
        Assert.Equal(0m, wallet.Reserved);
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).GetEventsAsync();
        Assert.Equal(
            [EventTypes.PaymentInitiated, EventTypes.FundsReserved, EventTypes.GatewayRejected, EventTypes.FundsReleased, EventTypes.PaymentFailed],
            events.Select(e => e.Type));
    }

    [Fact]
    public async Task Fifty_concurrent_payments_on_one_wallet_never_overdraw_it()
    {
        var scenario = new PaymentScenario(fixture);
        await scenario.FundAsync("100.00");
        var sampling = new CancellationTokenSource();
        var lowestAvailable = decimal.MaxValue;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var seen = await scenario.WalletAsync();
                lowestAvailable = Math.Min(lowestAvailable, seen.Available);
                Assert.Equal(seen.Reservations.Sum(r => r.Amount), seen.Reserved);
            }
        });

        var payments = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => scenario.PayAsync("10.00")));
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(10, payments.Count(p => p.Status == PaymentStatus.Completed));
        Assert.Equal(40, payments.Count(p => p.FailureReason == FailureReasons.InsufficientFunds));
        var wallet = await scenario.WalletAsync();
        Assert.Equal("0.00", Money.Money.Format(wallet.Balance, wallet.Currency));
        Assert.Equal(0m, wallet.Reserved);
        Assert.True(lowestAvailable >= 0m, $"available was observed at {lowestAvailable}");
    }
}
