using PaymentActors.Testing;
using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReservationExpiryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_reservation_whose_gateway_never_answers_expires_and_fails_its_payment()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.NeverAnswer(paymentId);
        await scenario.StartPaymentAsync("40.00", paymentId);
        var held = await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 1, "the reservation");
        Assert.Equal(held.Reservations[0].CreatedAt + TimeSpan.FromMinutes(15), held.Reservations[0].ExpiresAt);

        fixture.Time.Advance(TimeSpan.FromMinutes(15));

        var payment = await scenario.WaitForEndAsync(paymentId);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal(FailureReasons.ReservationExpired, payment.FailureReason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(100.00m, wallet.Balance);
        Assert.Equal(0m, wallet.Reserved);
        Assert.Empty(wallet.Reservations);
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).GetEventsAsync();
        Assert.Contains(events, e => e.Type == EventTypes.ReservationExpired);
        Assert.Equal(EventTypes.PaymentFailed, events[^1].Type);
    }

    [Fact]
    public async Task A_charge_approved_after_the_reservation_expired_is_refunded_and_shows_as_a_refund_transaction()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        var charge = fixture.ScriptedGateway.HoldCharge(paymentId);
        await scenario.StartPaymentAsync("40.00", paymentId);
        await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 1, "the reservation");

        fixture.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(FailureReasons.ReservationExpired, (await scenario.WaitForEndAsync(paymentId)).FailureReason);
        charge.SetResult();

        // The late approval is given back at the gateway: seed 004's refund (money moved back), not a void.
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(paymentId);
        var events = await Eventually.UntilAsync(grain.GetEventsAsync, e => e.Any(x => x.Type == EventTypes.ChargeRefunded), "the orphan charge refunded");
        var transactions = PaymentTransactions.Of((await grain.GetAsync())!, events);
        Assert.Equal([PaymentTransactions.Charge, PaymentTransactions.Refund], transactions.Select(t => t.Type));
        Assert.All(transactions, t => Assert.Equal(PaymentTransactions.Succeeded, t.Status));
        Assert.Equal(40.00m, transactions[1].Amount);
        Assert.Equal(ScriptedGateway.ReferenceOf("void_" + paymentId), transactions[1].GatewayTransactionId);
        Assert.True(fixture.ScriptedGateway.WasRefunded(paymentId));
        Assert.Equal(100.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Only_the_reservations_past_their_expiry_are_expired()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var older = PaymentScenario.NewPaymentId();
        var newer = PaymentScenario.NewPaymentId();
        fixture.ScriptedGateway.NeverAnswer(older);
        fixture.ScriptedGateway.NeverAnswer(newer);
        await scenario.StartPaymentAsync("40.00", older);
        await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 1, "the first reservation");
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await scenario.StartPaymentAsync("30.00", newer);
        await Eventually.UntilAsync(scenario.WalletAsync, w => w.Reservations.Count == 2, "the second reservation");

        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        // The older payment's failure proves an expiry check ran after the clock moved; the newer hold must stand.
        Assert.Equal(FailureReasons.ReservationExpired, (await scenario.WaitForEndAsync(older)).FailureReason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(newer, Assert.Single(wallet.Reservations).PaymentId);
        Assert.Equal(30.00m, wallet.Reserved);
        Assert.Equal(PaymentStatus.Processing, (await fixture.Grains.GetGrain<IPaymentGrain>(newer).GetAsync())!.Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(FailureReasons.ReservationExpired, (await scenario.WaitForEndAsync(newer)).FailureReason);
        Assert.Equal(100.00m, (await scenario.WalletAsync()).Available);
    }
}
