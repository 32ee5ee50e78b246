using PaymentActors.Payments;
using PaymentActors.Payments.Decider;
using PaymentActors.Wallets;
using Effect = PaymentActors.Payments.Decider.PaymentEffect;
using Input = PaymentActors.Payments.Decider.PaymentInput;

namespace PaymentActors.Domain.Tests;

/// <summary>The payment's rules, one input at a time, without a silo.</summary>
public sealed class PaymentDeciderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PaymentRequest Request = new("alice", "svc-1", new Money.Money(25.00m, "USD"), null, "ord-1");
    private readonly PaymentDecider _decider = new(maxRetries: 3);

    [Fact]
    public void A_payment_reserves_charges_confirms_and_completes()
    {
        var created = _decider.Decide(PaymentDeciderState.Empty, new Input.Create("pay-1", Request, At));
        Assert.Equal(PaymentReply.Accepted, created.Reply);
        Assert.IsType<Effect.Persist>(created.Effects[0]);
        Assert.Contains(created.Effects, e => e is Effect.Reserve { Attempt: 0, Amount: 25.00m, Listing.Status: PaymentStatus.Reserved });

        var charged = Step(created.State, new Input.Reserved(0, At));
        Assert.Equal(PaymentStatus.Processing, charged.State.Status);
        Assert.Contains(new Effect.Charge(0, 1, 25.00m), charged.Effects);

        var confirming = Step(charged.State, new Input.Charged(0, 1, ChargeVerdict.Approved, "ch_1", At));
        Assert.Contains(confirming.Effects, e => e is Effect.Confirm { Attempt: 0, Listing.Status: PaymentStatus.Completed });

        var done = Step(confirming.State, new Input.Confirmed(0, ReservationStatus.Confirmed, null, At));
        Assert.Equal(PaymentStatus.Completed, done.State.Status);
        Assert.True(done.State.IsSettled);
        Assert.Contains(new Effect.TellOrder(PaymentStatus.Completed), done.Effects);
        Assert.Contains(done.Effects, e => e is Effect.Persist);
    }

    [Fact]
    public void Every_change_carries_the_next_sequence_number()
    {
        var state = Complete();
        var numbers = new List<long>();
        var replay = PaymentDeciderState.Empty;
        foreach (var decision in Run(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At),
                     new Input.Charged(0, 1, ChargeVerdict.Approved, "ch", At), new Input.Confirmed(0, ReservationStatus.Confirmed, null, At)))
        {
            foreach (var change in decision.Changes)
            {
                numbers.Add(change.Sequence);
                replay = PaymentDecider.Evolve(replay, change);
            }
        }

        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        Assert.Equal(state, replay with { Refunds = state.Refunds });
    }

    [Fact]
    public void A_decline_releases_the_hold_and_fails_without_retry()
    {
        var state = Decide(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At), new Input.Charged(0, 1, ChargeVerdict.Declined, null, At));
        var release = _decider.Decide(state, new Input.Charged(0, 1, ChargeVerdict.Declined, null, At));
        Assert.Equal(PaymentReply.Ignored, release.Reply);

        var ended = Step(state, new Input.Released(0, ReservationStatus.Released, null, At));
        Assert.Equal(PaymentStatus.Failed, ended.State.Status);
        Assert.Equal(FailureCause.GatewayRejected, ended.State.Failure);
        Assert.Contains(ended.Effects, e => e is Effect.RecordFailure { Cause: FailureCause.GatewayRejected });
        Assert.Equal(PaymentReply.RetryRefused, Step(ended.State, new Input.OperatorRetry("fe-1", "op", At)).Reply);
    }

    [Fact]
    public void An_unknown_charge_is_sent_again_with_the_same_key_until_answered()
    {
        var state = Decide(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At));
        var again = Step(state, new Input.Charged(0, 1, ChargeVerdict.Unknown, null, At));
        Assert.Contains(new Effect.Charge(0, 2, 25.00m), again.Effects);
        Assert.Equal(PaymentStatus.Processing, again.State.Status);
        Assert.True(again.State.ChargeUncertain);

        // A late answer to the first send is stale: the second is the one out.
        Assert.Equal(PaymentReply.Ignored, Step(again.State, new Input.Charged(0, 1, ChargeVerdict.Approved, "ch", At)).Reply);
    }

    [Fact]
    public void A_charge_approved_after_the_reservation_expired_is_voided_after_the_ending()
    {
        var state = Decide(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At));
        var expired = Step(state, new Input.ReservationExpired(0, At));
        Assert.Equal(PaymentStatus.Failed, expired.State.Status);
        Assert.Equal(FailureCause.ReservationExpired, expired.State.Failure);
        Assert.False(expired.State.IsSettled);

        var approved = Step(expired.State, new Input.Charged(0, 1, ChargeVerdict.Approved, "ch", At));
        Assert.Contains(approved.Effects, e => e is Effect.VoidCharge { VoidId: "void_pay-1" });

        var voided = Step(approved.State, new Input.Voided(0, "rf", At));
        Assert.True(voided.State.IsSettled);
        Assert.Equal(PaymentStatus.Failed, voided.State.Status);
    }

    [Fact]
    public void A_cancel_wins_only_while_the_reservation_is_being_made()
    {
        var created = Decide(new Input.Create("pay-1", Request, At));
        var cancel = Step(created, new Input.Cancel(At));
        Assert.Equal(PaymentReply.Cancelling, cancel.Reply);
        Assert.Equal(PaymentStatus.Pending, cancel.State.Status);

        // The hold arrives after the cancel: it is handed back, and the payment ends cancelled without a charge.
        var release = Step(cancel.State, new Input.Reserved(0, At));
        Assert.Contains(release.Effects, e => e is Effect.Release { Attempt: 0, Cause: FailureCause.Cancelled, Listing.Status: PaymentStatus.Cancelled });
        Assert.DoesNotContain(release.Effects, e => e is Effect.Charge);
        var ended = Step(release.State, new Input.Released(0, ReservationStatus.Released, null, At));
        Assert.Equal(PaymentStatus.Cancelled, ended.State.Status);
        Assert.Equal(PaymentReply.AlreadyCancelled, Step(ended.State, new Input.Cancel(At)).Reply);

        var charging = Decide(new Input.Create("pay-2", Request, At), new Input.Reserved(0, At));
        Assert.Equal(PaymentReply.NotCancellable, Step(charging, new Input.Cancel(At)).Reply);
    }

    [Fact]
    public void A_resumed_payment_settles_a_charge_that_may_have_landed_before_it_fails()
    {
        // Stored at creation; the activation died after it sent the charge; the reservation expired meanwhile.
        var stored = Decide(new Input.Create("pay-1", Request, At));
        var resumed = Step(stored, new Input.Resume(At));
        Assert.Contains(resumed.Effects, e => e is Effect.Reserve { Attempt: 0 });
        Assert.True(resumed.State.ChargeUncertain);

        var found = Step(resumed.State, new Input.ReservationFoundClosed(0, ReservationStatus.Expired, FailureCause.ReservationExpired, At));
        Assert.Equal(PaymentStatus.Failed, found.State.Status);
        Assert.Contains(found.Effects, e => e is Effect.Charge);

        var approved = Step(found.State, new Input.Charged(0, 1, ChargeVerdict.Approved, "ch", At));
        Assert.Contains(approved.Effects, e => e is Effect.VoidCharge);
    }

    [Fact]
    public void A_refused_reservation_proves_no_charge_was_sent()
    {
        var resumed = Step(Decide(new Input.Create("pay-1", Request, At)), new Input.Resume(At));
        var refused = Step(resumed.State, new Input.ReserveRefused(0, FailureCause.InsufficientFunds, At));
        Assert.Equal(PaymentStatus.Failed, refused.State.Status);
        Assert.True(refused.State.IsSettled);
        Assert.Contains(refused.Effects, e => e is Effect.UpdateListing { Listing: { Status: PaymentStatus.Failed, Settled: true } });
        Assert.DoesNotContain(refused.Effects, e => e is Effect.Charge);
    }

    [Fact]
    public void A_refund_is_credited_only_after_the_gateway_approved_it_and_never_twice()
    {
        var asked = Step(Complete(), new Input.RefundRequested("rf-1", 10.00m, "damaged", "op", At));
        Assert.Equal(PaymentReply.RefundAccepted, asked.Reply);
        Assert.Equal(new Effect[] { new Effect.Persist(), new Effect.RefundAtGateway("rf-1", 10.00m) }, asked.Effects);

        Assert.Equal(PaymentReply.Ignored, Step(asked.State, new Input.RefundCredited("rf-1", At)).Reply);
        var approved = Step(asked.State, new Input.RefundAnswered("rf-1", true, "rf_gw", At));
        Assert.Equal(new Effect[] { new Effect.CreditWallet("rf-1", 10.00m, "op") }, approved.Effects);

        var credited = Step(approved.State, new Input.RefundCredited("rf-1", At));
        Assert.Equal(PaymentStatus.PartiallyRefunded, credited.State.Status);
        Assert.Contains(credited.Effects, e => e is Effect.UpdateListing { Listing.Status: PaymentStatus.PartiallyRefunded });
        var replay = Step(credited.State, new Input.RefundRequested("rf-1", 10.00m, "damaged", "op", At));
        Assert.Equal(PaymentReply.RefundReplayed, replay.Reply);
        Assert.Empty(replay.Effects);
        Assert.Equal(PaymentReply.RefundExceedsPayment, Step(credited.State, new Input.RefundRequested("rf-2", 15.01m, null, "op", At)).Reply);
        Assert.Equal(PaymentReply.RefundMismatch, Step(credited.State, new Input.RefundRequested("rf-1", 1.00m, null, "op", At)).Reply);
    }

    [Fact]
    public void An_operator_retry_starts_a_new_attempt_of_a_technical_failure()
    {
        var state = Decide(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At),
            new Input.Charged(0, 1, ChargeVerdict.NotSent, null, At), new Input.Charged(0, 2, ChargeVerdict.NotSent, null, At),
            new Input.Charged(0, 3, ChargeVerdict.NotSent, null, At), new Input.Charged(0, 4, ChargeVerdict.NotSent, null, At),
            new Input.Released(0, ReservationStatus.Released, null, At));
        Assert.Equal(PaymentStatus.Failed, state.Status);
        Assert.Equal(FailureCause.GatewayUnavailable, state.Failure);

        var retry = Step(state, new Input.OperatorRetry("fe-1", "op", At));
        Assert.Equal(PaymentReply.RetryAccepted, retry.Reply);
        Assert.Equal(PaymentStatus.Pending, retry.State.Status);
        Assert.Contains(retry.Effects, e => e is Effect.Reserve { Attempt: 1 });
        Assert.Equal("void1_pay-1", retry.State.VoidId);
    }

    [Fact]
    public void A_creation_that_could_not_be_stored_never_happened()
    {
        var created = Decide(new Input.Create("pay-1", Request, At));
        var refused = Step(created, new Input.StorageRefused(At));
        Assert.Equal(PaymentReply.Unavailable, refused.Reply);
        Assert.False(refused.State.Exists);
        Assert.Empty(refused.Effects);
    }

    [Fact]
    public void A_wallet_that_stays_unreachable_fails_the_payment_and_releases_the_hold()
    {
        var state = Decide(new Input.Create("pay-1", Request, At));
        for (var i = 0; i < 3; i++)
        {
            state = Step(state, new Input.StepFailed(PaymentStep.Reserve, 0, null, At)).State;
        }

        var given = Step(state, new Input.StepFailed(PaymentStep.Reserve, 0, null, At));
        Assert.Contains(given.Effects, e => e is Effect.Release { Attempt: 0, Cause: FailureCause.WalletUnavailable });
        var ended = Step(given.State, new Input.Released(0, ReservationStatus.Unknown, null, At));
        Assert.Equal(PaymentStatus.Failed, ended.State.Status);
        Assert.Contains(ended.Effects, e => e is Effect.RecordFailure { Cause: FailureCause.WalletUnavailable, Step: PaymentStep.Reserve, Retries: 3 });
    }

    private PaymentDeciderState Complete() => Decide(new Input.Create("pay-1", Request, At), new Input.Reserved(0, At),
        new Input.Charged(0, 1, ChargeVerdict.Approved, "ch", At), new Input.Confirmed(0, ReservationStatus.Confirmed, null, At));

    private PaymentDecision Step(PaymentDeciderState state, PaymentInput input) => _decider.Decide(state, input);

    private PaymentDeciderState Decide(params PaymentInput[] inputs) => Run(inputs).Last().State;

    private IEnumerable<PaymentDecision> Run(params PaymentInput[] inputs)
    {
        var state = PaymentDeciderState.Empty;
        foreach (var input in inputs)
        {
            var decision = _decider.Decide(state, input);
            state = decision.State;
            yield return decision;
        }
    }
}
