using PaymentActors.Testing;
using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PaymentSagaTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Happy_path_deducts_the_amount_and_records_the_events_in_order()
    {
        var scenario = new PaymentScenario(fixture.Grains);
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
        var scenario = new PaymentScenario(fixture.Grains);
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
        var scenario = new PaymentScenario(fixture.Grains);

        var payment = await scenario.PayAsync("10.00");

        Assert.Equal(FailureReasons.WalletNotFound, payment.FailureReason);
        Assert.Null(await scenario.Wallet.GetAsync());
    }

    [Fact]
    public async Task Gateway_rejection_releases_the_reservation()
    {
        var scenario = new PaymentScenario(fixture.Grains);
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
    public async Task A_charge_lost_in_transit_is_re_sent_with_its_idempotency_key_and_completes_once()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.LoseInTransit(paymentId, times: 2);

        var payment = await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("25.00", paymentId));

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(3, fixture.ScriptedGateway.ChargeCalls(paymentId));
        Assert.Equal(75.00m, (await scenario.WalletAsync()).Balance);
        Assert.False(fixture.ScriptedGateway.WasRefunded(paymentId));
    }

    /// <summary>
    /// Issue 10, item 8: the charge times out, the gateway has no record of it yet (a lookup says 404), and the
    /// original request lands later. The outcome is resolved by re-sending the same charge, never by the 404.
    /// </summary>
    [Fact]
    public async Task A_charge_that_lands_after_its_timeout_is_resolved_by_re_sending_it_never_by_a_not_found()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.LandLate(paymentId);

        await scenario.StartPaymentAsync("25.00", paymentId);
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(paymentId);
        // The charges are counted before the payment is read, so the payment read is one that had been re-sent three
        // times (counting after the read let a slow test thread pair a read from before the charge with a later count).
        var (_, meanwhile) = await Eventually.UntilAsync(
            async () => (Calls: fixture.ScriptedGateway.ChargeCalls(paymentId), Payment: await grain.GetAsync()),
            observed => observed.Calls >= 3 || observed.Payment!.Status.IsTerminal(),
            "the charge to be re-sent while its request is in flight (or the payment to end)");
        Assert.Equal(GatewayStatus.NotFound, (await fixture.ScriptedGateway.GetChargeAsync(paymentId, CancellationToken.None)).Status);
        fixture.ScriptedGateway.Land(paymentId);
        var payment = await scenario.WaitForEndAsync(paymentId);

        // The payment was still in flight while the outcome was unknown, and the money charged is the money debited.
        Assert.Equal(PaymentStatus.Processing, meanwhile!.Status);
        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.True(fixture.ScriptedGateway.WasCharged(paymentId));
        Assert.False(fixture.ScriptedGateway.WasRefunded(paymentId));
        Assert.Equal(75.00m, (await scenario.WalletAsync()).Balance);
    }

    /// <summary>Issue 10, item 6: a charge the breaker refused before sending fails the payment at once, no retry, no backoff.</summary>
    [Fact]
    public async Task A_charge_refused_by_the_open_breaker_fails_the_payment_at_once_with_its_funds_released()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.BreakerOpen(paymentId);

        var payment = await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("25.00", paymentId));

        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal(FailureReasons.GatewayUnavailable, payment.FailureReason);
        Assert.Equal(1, fixture.ScriptedGateway.ChargeCalls(paymentId));
        var wallet = await scenario.WalletAsync();
        Assert.Equal(100.00m, wallet.Available);
        Assert.Equal(0m, wallet.Reserved);
    }

    [Fact]
    public async Task Fifty_concurrent_payments_on_one_wallet_never_overdraw_it()
    {
        var scenario = new PaymentScenario(fixture.Grains);
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
