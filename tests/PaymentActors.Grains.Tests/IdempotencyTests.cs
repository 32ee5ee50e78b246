using PaymentActors.Testing;
using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Retried_reserve_confirm_and_release_have_one_effect_and_the_same_result()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();

        var reserved = await scenario.Wallet.ReserveAsync(paymentId, TestMoney.Usd("30.00"));
        var reservedAgain = await scenario.Wallet.ReserveAsync(paymentId, TestMoney.Usd("30.00"));
        Assert.Equal(ReserveOutcome.Reserved, reservedAgain.Outcome);
        Assert.Equal(reserved.Event!.Id, reservedAgain.Event!.Id);
        Assert.Equal(30.00m, (await scenario.WalletAsync()).Reserved);

        var confirmed = await scenario.Wallet.ConfirmAsync(paymentId);
        var confirmedAgain = await scenario.Wallet.ConfirmAsync(paymentId);
        var releasedAfterConfirm = await scenario.Wallet.ReleaseAsync(paymentId, FailureReasons.GatewayRejected);
        var reservedAfterConfirm = await scenario.Wallet.ReserveAsync(paymentId, TestMoney.Usd("30.00"));

        Assert.Equal(ReservationStatus.Confirmed, confirmed.Status);
        Assert.Equal(confirmed, confirmedAgain);
        Assert.Equal(confirmed, releasedAfterConfirm);
        Assert.Equal(ReserveOutcome.AlreadyClosed, reservedAfterConfirm.Outcome);
        Assert.Equal(ReservationStatus.Confirmed, reservedAfterConfirm.ClosedAs);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(70.00m, wallet.Balance);
        Assert.Equal(0m, wallet.Reserved);
    }

    [Fact]
    public async Task A_released_reservation_cannot_be_confirmed_and_releases_once()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        await scenario.Wallet.ReserveAsync(paymentId, TestMoney.Usd("60.00"));

        var released = await scenario.Wallet.ReleaseAsync(paymentId, FailureReasons.GatewayRejected);
        var releasedAgain = await scenario.Wallet.ReleaseAsync(paymentId, FailureReasons.GatewayRejected);
        var confirmedAfterRelease = await scenario.Wallet.ConfirmAsync(paymentId);

        Assert.Equal(ReservationStatus.Released, released.Status);
        Assert.Equal(released, releasedAgain);
        Assert.Equal(released, confirmedAfterRelease);
        Assert.Equal(FailureReasons.GatewayRejected, released.Event!.Reason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(100.00m, wallet.Balance);
        Assert.Equal(100.00m, wallet.Available);
    }

    [Fact]
    public async Task Confirming_or_releasing_an_unknown_reservation_changes_nothing()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        var before = await scenario.FundAsync("100.00");

        Assert.Equal(ReservationStatus.Unknown, (await scenario.Wallet.ConfirmAsync("pay_unknown")).Status);
        Assert.Equal(ReservationStatus.Unknown, (await scenario.Wallet.ReleaseAsync("pay_unknown", FailureReasons.GatewayRejected)).Status);
        Assert.Equivalent(before, await scenario.WalletAsync(), strict: true);
    }

    [Fact]
    public async Task A_retried_deposit_credits_once_and_a_different_one_under_the_same_id_is_refused()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        var depositId = EventIds.New("dep", DateTimeOffset.UtcNow);

        var first = await scenario.Wallet.DepositAsync(depositId, TestMoney.Usd("25.00"));
        var again = await scenario.Wallet.DepositAsync(depositId, TestMoney.Usd("25.00"));
        var different = await scenario.Wallet.DepositAsync(depositId, TestMoney.Usd("26.00"));

        Assert.Equal(DepositOutcome.Deposited, first.Outcome);
        Assert.Equal(DepositOutcome.AlreadyDeposited, again.Outcome);
        Assert.Equal(DepositOutcome.RequestMismatch, different.Outcome);
        Assert.Equal(25.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task A_deposit_and_a_credit_retried_after_a_day_and_a_new_activation_still_have_one_effect()
    {
        // Issue 10, item 10: the wallet used to remember deposit ids for 24 h (or 4,096 operations); the ledger keeps them for ever.
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.Wallet.DepositAsync("dep-old", TestMoney.Usd("25.00"));
        Assert.True((await scenario.Wallet.CreditAsync("ref-old", "pay-old", TestMoney.Usd("1.00"))).Credited);

        fixture.Time.Advance(TimeSpan.FromHours(25));
        await scenario.Wallet.DepositAsync("dep-new", TestMoney.Usd("1.00"));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var again = await scenario.Wallet.DepositAsync("dep-old", TestMoney.Usd("25.00"));
        var different = await scenario.Wallet.DepositAsync("dep-old", TestMoney.Usd("24.00"));
        var credited = await scenario.Wallet.CreditAsync("ref-old", "pay-old", TestMoney.Usd("1.00"));

        Assert.Equal(DepositOutcome.AlreadyDeposited, again.Outcome);
        Assert.Equal(DepositOutcome.RequestMismatch, different.Outcome);
        Assert.True(credited.Credited);
        Assert.Equal(27.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Creating_the_same_payment_twice_gives_one_payment_and_a_different_request_is_refused()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        var grain = fixture.Grains.GetGrain<IPaymentGrain>(paymentId);

        var creates = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.CreateAsync(scenario.Request("10.00"))));
        var payment = await scenario.WaitForEndAsync(paymentId);
        var replay = await grain.CreateAsync(scenario.Request("10.00"));
        var mismatch = await grain.CreateAsync(scenario.Request("11.00"));

        Assert.Equal(1, creates.Count(c => c.Outcome == CreatePaymentOutcome.Created));
        Assert.All(creates, c => Assert.Contains(c.Outcome, new[] { CreatePaymentOutcome.Created, CreatePaymentOutcome.InProgress, CreatePaymentOutcome.AlreadyExists }));
        Assert.Equal(CreatePaymentOutcome.AlreadyExists, replay.Outcome);
        Assert.Equivalent(payment, replay.Payment, strict: true);
        Assert.Equal(CreatePaymentOutcome.RequestMismatch, mismatch.Outcome);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        Assert.Equal(1, fixture.ScriptedGateway.ChargeCalls(paymentId));
    }
}
