using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Grains.Payments;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

/// <summary>The saga's rules without a silo: each step's outcome, and the outside events, against the next step.</summary>
public sealed class PaymentSagaMachineTests
{
    private const int MaxRetries = 3;

    private static readonly ReserveResult Reserved = new(ReserveOutcome.Reserved, null);

    [Fact]
    public void Happy_path_is_reserve_charge_confirm_finish_completed()
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);

        Assert.Equal(SagaStep.Reserve, saga.Next);
        Assert.Equal(SagaStep.Charge(0), saga.OnReserved(Reserved));
        Assert.Equal(SagaStep.Confirm, saga.OnCharged(ChargeOutcome.Approved, null));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Completed, null), saga.OnConfirmed(ReservationStatus.Confirmed));
        Assert.Equal(SagaStep.Stop, saga.OnFinished());
        Assert.True(saga.Finished);
    }

    [Theory]
    [InlineData(ReserveOutcome.InsufficientFunds, FailureReasons.InsufficientFunds)]
    [InlineData(ReserveOutcome.WalletNotFound, FailureReasons.WalletNotFound)]
    [InlineData(ReserveOutcome.CurrencyMismatch, FailureReasons.CurrencyMismatch)]
    public void A_refused_reservation_fails_the_payment_with_its_reason(ReserveOutcome outcome, string reason)
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);

        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, reason), saga.OnReserved(new ReserveResult(outcome, null)));
    }

    [Fact]
    public void A_reservation_already_closed_tells_how_a_resumed_payment_ended()
    {
        static ReserveResult Closed(ReservationStatus status, string? reason) =>
            new(ReserveOutcome.AlreadyClosed, reason is null ? null : Event(reason), ClosedAs: status);

        Assert.Equal(SagaStep.Finish(PaymentStatus.Completed, null), new PaymentSaga(PaymentStatus.Pending, MaxRetries).OnReserved(Closed(ReservationStatus.Confirmed, null)));
        Assert.Equal(
            SagaStep.Finish(PaymentStatus.Cancelled, FailureReasons.Cancelled),
            new PaymentSaga(PaymentStatus.Pending, MaxRetries).OnReserved(Closed(ReservationStatus.Released, FailureReasons.Cancelled)));
        Assert.Equal(
            SagaStep.Finish(PaymentStatus.Failed, FailureReasons.ReservationExpired),
            new PaymentSaga(PaymentStatus.Pending, MaxRetries).OnReserved(Closed(ReservationStatus.Expired, null)));
    }

    [Fact]
    public void A_decline_releases_then_fails_gateway_rejected()
    {
        var saga = Charging();

        Assert.Equal(SagaStep.Release(FailureReasons.GatewayRejected), saga.OnCharged(ChargeOutcome.Rejected, "card_declined"));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.GatewayRejected), saga.OnReleased(ReservationStatus.Released));
    }

    [Fact]
    public void Unavailability_is_retried_up_to_the_limit_then_released_and_failed_with_the_retry_count()
    {
        var saga = Charging();

        for (var retry = 1; retry <= MaxRetries; retry++)
        {
            Assert.Equal(SagaStep.Charge(retry), saga.OnCharged(ChargeOutcome.Unavailable, "503"));
        }

        Assert.Equal(SagaStep.Release(FailureReasons.GatewayUnavailable), saga.OnCharged(ChargeOutcome.Unavailable, "503"));
        var finish = saga.OnReleased(ReservationStatus.Released);
        Assert.Equal(SagaStepKind.Finish, finish.Kind);
        Assert.Equal(FailureReasons.GatewayUnavailable, finish.Reason);
        Assert.Equal(("charge", MaxRetries + 1), (finish.Failure!.Step, finish.Failure.Attempts));
    }

    [Fact]
    public void An_open_breaker_fails_the_payment_at_once_without_a_retry()
    {
        var saga = Charging();

        Assert.Equal(SagaStep.Release(FailureReasons.GatewayUnavailable), saga.OnCharged(ChargeOutcome.CircuitOpen, "circuit_open"));
        var finish = saga.OnReleased(ReservationStatus.Released);
        Assert.Equal(FailureReasons.GatewayUnavailable, finish.Reason);
        Assert.Equal(1, finish.Failure!.Attempts);
    }

    [Fact]
    public void An_unknown_outcome_is_re_sent_until_definitive_and_neither_unavailability_nor_an_open_breaker_ends_it()
    {
        var saga = Charging();

        Assert.Equal(SagaStep.Charge(1), saga.OnCharged(ChargeOutcome.Unknown, "timeout"));
        Assert.True(saga.ChargeMayHaveLanded);
        for (var send = 2; send < 2 + (3 * MaxRetries); send++)
        {
            var outcome = (send % 3) switch { 0 => ChargeOutcome.Unavailable, 1 => ChargeOutcome.CircuitOpen, _ => ChargeOutcome.Unknown };
            Assert.Equal(SagaStep.Charge(send), saga.OnCharged(outcome, "no verdict"));
        }

        Assert.Equal(SagaStep.Confirm, saga.OnCharged(ChargeOutcome.Approved, null));
        Assert.False(saga.ChargeMayHaveLanded);
    }

    [Fact]
    public void A_confirm_refused_because_the_reservation_expired_voids_the_charge_then_fails()
    {
        var saga = Charging();
        saga.OnCharged(ChargeOutcome.Approved, null);

        Assert.Equal(SagaStep.VoidCharge, saga.OnConfirmed(ReservationStatus.Expired));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.ReservationExpired), saga.OnVoided());
        Assert.False(saga.ChargeApproved);
    }

    [Fact]
    public void A_wallet_unreachable_at_confirm_releases_voids_the_approved_charge_and_fails_retryably()
    {
        var saga = Charging();
        saga.OnCharged(ChargeOutcome.Approved, null);
        var failure = new StepFailedException("confirm", MaxRetries + 1, new IOException("storage"));

        Assert.Equal(SagaStep.Release(FailureReasons.WalletUnavailable), saga.OnStepFailed(failure));
        Assert.Equal(SagaStep.VoidCharge, saga.OnReleased(ReservationStatus.Released));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.WalletUnavailable, failure), saga.OnVoided());
    }

    [Fact]
    public void A_compensating_release_that_finds_the_debit_done_completes_the_payment_and_keeps_the_charge()
    {
        var saga = Charging();
        saga.OnCharged(ChargeOutcome.Approved, null);

        saga.OnStepFailed(new StepFailedException("confirm", MaxRetries + 1, new IOException("storage")));

        Assert.Equal(SagaStep.Finish(PaymentStatus.Completed, null), saga.OnReleased(ReservationStatus.Confirmed));
        Assert.True(saga.ChargeApproved);
    }

    [Fact]
    public void A_wallet_still_unreachable_while_compensating_stops_the_saga_for_the_recovery_check()
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        var failure = new StepFailedException("reserve", MaxRetries + 1, new IOException("storage"));

        Assert.Equal(SagaStep.Release(FailureReasons.WalletUnavailable), saga.OnStepFailed(failure));
        Assert.Equal(SagaStep.Stop, saga.OnStepFailed(new StepFailedException("release", MaxRetries + 1, new IOException("storage"))));
        Assert.False(saga.Finished);
    }

    [Fact]
    public void A_cancel_wins_only_before_the_charge()
    {
        var pending = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        Assert.True(pending.TryCancel());
        Assert.False(pending.TryCancel());

        Assert.False(Charging().TryCancel());
        Assert.False(new PaymentSaga(PaymentStatus.Completed, MaxRetries).TryCancel());
    }

    [Fact]
    public void A_reservation_made_while_a_cancel_was_under_way_is_released_by_the_saga_which_leaves_the_ending_to_the_cancel()
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        Assert.True(saga.TryCancel());

        Assert.Equal(SagaStep.Release(FailureReasons.Cancelled), saga.OnReserved(Reserved));
        Assert.Equal(SagaStep.Stop, saga.OnReleased(ReservationStatus.Released));
        Assert.Equal(SagaStep.Stop, saga.OnFinished());
    }

    [Fact]
    public void A_cancel_whose_release_failed_lets_the_saga_go_on()
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        Assert.True(saga.TryCancel());
        Assert.Equal(SagaStep.Stop, saga.OnReserved(new ReserveResult(ReserveOutcome.InsufficientFunds, null)));

        saga.CancelFailed();

        // The saga asks the wallet again how this attempt stands.
        Assert.Equal(SagaStep.Reserve, saga.Next);
        Assert.Equal(SagaStep.Charge(0), saga.OnReserved(Reserved));
    }

    [Fact]
    public void An_expiry_during_the_charge_ends_the_payment_and_a_late_approval_is_voided()
    {
        var saga = Charging();

        Assert.True(saga.OnReservationExpired());
        Assert.Equal(SagaStep.Charge(0), saga.OnFinished());
        Assert.False(saga.OnReservationExpired());

        Assert.Equal(SagaStep.VoidCharge, saga.OnCharged(ChargeOutcome.Approved, null));
        Assert.Equal(SagaStep.Stop, saga.OnVoided());
    }

    [Fact]
    public void An_expiry_during_an_unknown_charge_keeps_re_sending_until_definitive()
    {
        var saga = Charging();
        saga.OnCharged(ChargeOutcome.Unknown, "timeout");
        Assert.True(saga.OnReservationExpired());
        saga.OnFinished();

        Assert.Equal(SagaStep.Charge(2), saga.OnCharged(ChargeOutcome.Unavailable, "503"));
        Assert.Equal(SagaStep.Stop, saga.OnCharged(ChargeOutcome.Rejected, "card_declined"));
    }

    [Fact]
    public void A_saga_resumed_mid_charge_re_sends_the_charge_and_a_finished_one_does_nothing()
    {
        Assert.Equal(SagaStep.Charge(0), new PaymentSaga(PaymentStatus.Processing, MaxRetries).Next);
        Assert.Equal(SagaStep.Charge(0), new PaymentSaga(PaymentStatus.Reserved, MaxRetries).Next);
        Assert.Equal(SagaStep.Stop, new PaymentSaga(PaymentStatus.Failed, MaxRetries).Next);
        Assert.False(new PaymentSaga(PaymentStatus.Failed, MaxRetries).OnReservationExpired());
    }

    [Fact]
    public void An_operator_retry_starts_a_new_attempt_that_knows_nothing_of_the_voided_charge()
    {
        var first = Charging();
        first.OnCharged(ChargeOutcome.Approved, null);
        first.OnStepFailed(new StepFailedException("confirm", MaxRetries + 1, new IOException("storage")));
        first.OnReleased(ReservationStatus.Released);
        first.OnVoided();
        Assert.False(first.ChargeApproved);

        var retry = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        Assert.False(retry.ChargeApproved);
        retry.OnReserved(Reserved);

        // Only the new attempt's own answer can lead to the debit.
        Assert.Equal(SagaStep.Release(FailureReasons.GatewayRejected), retry.OnCharged(ChargeOutcome.Rejected, "card_declined"));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.GatewayRejected), retry.OnReleased(ReservationStatus.Released));
    }

    [Fact]
    public void A_resumed_attempt_whose_wallet_stays_unreachable_hands_back_the_charge_an_earlier_activation_may_have_made()
    {
        // The silo died after the charge and before the ending was durable; the rebuilt payment cannot reach the wallet.
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.True(saga.ChargeMayHaveLanded);

        var failure = new StepFailedException("reserve", MaxRetries + 1, new IOException("wallet unreachable"));
        Assert.Equal(SagaStep.Release(FailureReasons.WalletUnavailable), saga.OnStepFailed(failure));
        Assert.Equal(SagaStep.VoidCharge, saga.OnReleased(ReservationStatus.Released));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.WalletUnavailable, failure), saga.OnVoided());
    }

    [Fact]
    public void A_resumed_attempt_that_finds_its_reservation_ended_voids_before_it_fails_but_a_confirmed_one_completes()
    {
        static ReserveResult Closed(ReservationStatus status, string? reason) =>
            new(ReserveOutcome.AlreadyClosed, reason is null ? null : Event(reason), ClosedAs: status);

        var expired = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.VoidCharge, expired.OnReserved(Closed(ReservationStatus.Expired, null)));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.ReservationExpired), expired.OnVoided());

        var cancelled = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.VoidCharge, cancelled.OnReserved(Closed(ReservationStatus.Released, FailureReasons.Cancelled)));

        // The debit happened: the charge stands.
        var confirmed = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.Finish(PaymentStatus.Completed, null), confirmed.OnReserved(Closed(ReservationStatus.Confirmed, null)));
    }

    [Fact]
    public void A_resumed_attempt_that_reserves_asks_the_gateway_again_and_its_verdict_settles_the_doubt()
    {
        var approved = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.Charge(0), approved.OnReserved(Reserved));
        Assert.Equal(SagaStep.Confirm, approved.OnCharged(ChargeOutcome.Approved, null));
        Assert.False(approved.ChargeMayHaveLanded);

        // A refused reservation of a resumed attempt still voids: the wallet may have expired and forgotten a charged one.
        var refused = new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.VoidCharge, refused.OnReserved(new ReserveResult(ReserveOutcome.InsufficientFunds, null)));
        Assert.Equal(SagaStep.Finish(PaymentStatus.Failed, FailureReasons.InsufficientFunds), refused.OnVoided());

        // A resumed attempt cannot be cancelled before the gateway has said whether its charge exists.
        Assert.False(new PaymentSaga(PaymentStatus.Pending, MaxRetries, resumed: true).TryCancel());
        Assert.True(new PaymentSaga(PaymentStatus.Pending, MaxRetries).TryCancel());

        // Until the gateway answers, a resumed attempt never gives up on a charge that may exist.
        var unanswered = new PaymentSaga(PaymentStatus.Processing, MaxRetries, resumed: true);
        Assert.Equal(SagaStep.Charge(1), unanswered.OnCharged(ChargeOutcome.Unavailable, "gateway_unavailable"));
    }

    private static PaymentSaga Charging()
    {
        var saga = new PaymentSaga(PaymentStatus.Pending, MaxRetries);
        saga.OnReserved(Reserved);
        return saga;
    }

    private static PaymentEvent Event(string reason) =>
        PaymentEvent.Create(EventTypes.FundsReleased, "pay-1", "user-1", new Money.Money(1m, "USD"), DateTimeOffset.UnixEpoch, reason);
}
