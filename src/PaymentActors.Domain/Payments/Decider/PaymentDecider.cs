using PaymentActors.Wallets;
using Change = PaymentActors.Payments.Decider.PaymentChange;
using Effect = PaymentActors.Payments.Decider.PaymentEffect;
using Input = PaymentActors.Payments.Decider.PaymentInput;

namespace PaymentActors.Payments.Decider;

/// <summary>
/// The payment's rules, without I/O: <see cref="Decide"/> turns an input into changes to record and effects to
/// perform; <see cref="Evolve"/> applies one change. Every status change happens in <see cref="Evolve"/>.
/// </summary>
/// <remarks>
/// Money rules it keeps: a charge is sent only while the wallet holds the amount; a charge approved for an attempt
/// is either matched by the debit or voided at the gateway, and a charge that may have reached the gateway is re-sent
/// (same key) until it is answered definitively, never presumed absent — also before a void; a refund is credited to
/// the wallet only after the gateway approved it; answers are matched to the call they answer, so a late or repeated
/// one changes nothing.
/// </remarks>
public sealed class PaymentDecider(int maxRetries = 3)
{
    /// <summary>At most this many refunds per payment, declined ones included (the state stays one storage entity).</summary>
    public const int MaxRefunds = 100;

    public PaymentDecision Decide(PaymentDeciderState state, PaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var d = new Builder(state);
        d.Reply = input switch
        {
            Input.Create create => OnCreate(d, create),
            _ when !state.Exists => PaymentReply.NotFound,
            Input.Resume resume => OnResume(d, resume),
            Input.Reserved reserved => OnReserved(d, reserved),
            Input.ReserveRefused refused => OnReserveRefused(d, refused),
            Input.ReservationFoundClosed found => OnFoundClosed(d, found),
            Input.Charged charged => OnCharged(d, charged),
            Input.Confirmed confirmed => OnConfirmed(d, confirmed),
            Input.Released released => OnReleased(d, released),
            Input.Voided voided => OnVoided(d, voided),
            Input.StepFailed failed => OnStepFailed(d, failed),
            Input.StorageRefused refused => OnStorageRefused(d, refused),
            Input.Cancel cancel => OnCancel(d, cancel),
            Input.ReservationExpired expired => OnExpired(d, expired),
            Input.RefundRequested refund => OnRefundRequested(d, refund),
            Input.RefundAnswered answer => OnRefundAnswered(d, answer),
            Input.RefundCredited credited => OnRefundCredited(d, credited),
            Input.OperatorRetry retry => OnRetry(d, retry),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "not a payment input"),
        };
        return d.Build();
    }

    /// <summary>Applies one recorded change. The one place where the state, and so the status, changes.</summary>
    public static PaymentDeciderState Evolve(PaymentDeciderState state, PaymentChange change)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(change);
        if (change is Change.CreationAbandoned)
        {
            return PaymentDeciderState.Empty;
        }

        if (change.Sequence != state.Sequence + 1)
        {
            throw new InvalidOperationException($"change {change.Sequence} does not follow {state.Sequence}");
        }

        var s = state with { Sequence = change.Sequence, UpdatedAt = change.At };
        return change switch
        {
            Change.Created c => s with { PaymentId = c.PaymentId, Request = c.Request, Status = PaymentStatus.Pending, CreatedAt = change.At },
            Change.Resumed => s with
            {
                Awaiting = PaymentStep.None,
                AwaitingSend = 0,
                StepFailures = 0,
                Stalled = false,
                // Whatever an earlier activation sent is unknown now: the hold may stand, the charge may have landed.
                Reservation = s.Status.IsTerminal() || s.Reservation == ReservationStanding.Closed ? s.Reservation : ReservationStanding.Unknown,
                // Until the wallet says it never held this attempt's amount (then no charge was ever sent).
                ChargeUncertain = s.ChargeUncertain || (!s.Status.IsTerminal() && !s.ChargeApproved),
                Refunds = [.. s.Refunds.Select(r => r with { InFlight = PaymentStep.None })],
            },
            Change.StepStarted { RefundId: { } id } started => WithRefund(s, id, r => r with { InFlight = started.Step }),
            Change.StepStarted started => Started(s, started.Step),
            Change.StepRetried retried => retried.Step == PaymentStep.Charge ? s : s with { StepFailures = s.StepFailures + 1, AwaitingSend = s.AwaitingSend + 1 },
            Change.StepAbandoned abandoned => s with
            {
                Awaiting = PaymentStep.None,
                StepFailures = 0,
                Stalled = abandoned.Stall,
                Reservation = abandoned.Step == PaymentStep.Reserve ? ReservationStanding.Unknown : s.Reservation,
            },
            Change.FundsReserved => s with
            {
                Awaiting = PaymentStep.None,
                // Expired while the answer was on its way: it stays closed.
                Reservation = s.Reservation == ReservationStanding.Closed ? ReservationStanding.Closed : ReservationStanding.Held,
                Status = s.Status == PaymentStatus.Pending ? PaymentStatus.Reserved : s.Status,
            },
            // Nothing held, so no charge was ever sent for this attempt (a charge is sent only against a hold).
            Change.ReserveRefused => s with { Awaiting = PaymentStep.None, Reservation = ReservationStanding.None, ChargeUncertain = false, ChargeUncertainBeforeSend = false },
            Change.ReservationClosed closed => Closed(closed.AnswersCall ? s with { Awaiting = PaymentStep.None } : s, closed.ClosedAs),
            Change.ChargeAnswered answered => Answered(s, answered),
            Change.ChargeVoided voided => s with { Awaiting = PaymentStep.None, ChargeVoided = true },
            Change.EndingChosen ending => s with
            {
                Ending = ending.Status,
                EndingCause = ending.Cause,
                FailedStep = ending.FailedStep,
                FailedStepRetries = ending.FailedStepRetries,
            },
            Change.Ended ended => s with { Status = ended.Status, Failure = ended.Cause, EndedSequence = change.Sequence },
            Change.RefundOpened opened => s with { Refunds = s.Refunds.Add(opened.Refund) },
            Change.RefundApproved approved => WithRefund(s, approved.RefundId, r => r with
            {
                ApprovedAtGateway = true,
                GatewayReference = approved.GatewayReference,
                InFlight = PaymentStep.None,
            }),
            Change.RefundDeclined declined => WithRefund(s, declined.RefundId, r => r with { Status = RefundStatus.Failed, InFlight = PaymentStep.None }),
            Change.RefundCredited credited => RefundSucceeded(s, credited.RefundId),
            Change.RetryStarted retry => s with
            {
                Status = PaymentStatus.Pending,
                Failure = null,
                RetryOf = retry.FailedEventId,
                Attempt = s.Attempt + 1,
                Awaiting = PaymentStep.None,
                AwaitingSend = 0,
                StepFailures = 0,
                Reservation = ReservationStanding.None,
                ReservationClosedAs = ReservationStatus.Unknown,
                Debited = false,
                ChargeSends = 0,
                ChargeUncertain = false,
                ChargeUncertainBeforeSend = false,
                ChargeNotSent = 0,
                ChargeApproved = false,
                ChargeReference = null,
                ChargeVoided = false,
                Ending = null,
                EndingCause = null,
                FailedStep = PaymentStep.None,
                FailedStepRetries = 0,
                Stalled = false,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a payment change"),
        };
    }

    private static PaymentDeciderState Started(PaymentDeciderState s, PaymentStep step)
    {
        // A charge's sends are numbered across the attempt (its backoff grows with them); other calls from 1.
        var next = s with { Awaiting = step, AwaitingSend = step == PaymentStep.Charge ? s.ChargeSends + 1 : 1, StepFailures = 0 };
        return step switch
        {
            PaymentStep.Charge => next with
            {
                Status = s.Status is PaymentStatus.Pending or PaymentStatus.Reserved ? PaymentStatus.Processing : s.Status,
                ChargeSends = s.ChargeSends + 1,
                ChargeUncertainBeforeSend = s.ChargeUncertain,
                ChargeUncertain = true,
            },
            PaymentStep.Reserve => next with { Reservation = s.Reservation == ReservationStanding.None ? ReservationStanding.Unknown : s.Reservation },
            _ => next,
        };
    }

    private static PaymentDeciderState Closed(PaymentDeciderState s, ReservationStatus closedAs)
    {
        var next = s with { Reservation = ReservationStanding.Closed, ReservationClosedAs = closedAs };
        // A deduction happens only after an approved charge: the payment is complete, whatever else was decided.
        return closedAs == ReservationStatus.Confirmed
            ? next with { Debited = true, ChargeApproved = true, ChargeUncertain = false, Ending = PaymentStatus.Completed, EndingCause = null }
            : next;
    }

    private static PaymentDeciderState Answered(PaymentDeciderState s, Change.ChargeAnswered answered) => answered.Verdict switch
    {
        ChargeVerdict.Approved => s with { Awaiting = PaymentStep.None, ChargeApproved = true, ChargeUncertain = false, ChargeReference = answered.GatewayReference, ChargeNotSent = 0 },
        ChargeVerdict.Declined => s with { Awaiting = PaymentStep.None, ChargeUncertain = false, ChargeNotSent = 0 },
        ChargeVerdict.Unknown => s with { Awaiting = PaymentStep.None },
        _ => s with
        {
            Awaiting = PaymentStep.None,
            ChargeUncertain = s.ChargeUncertainBeforeSend,
            ChargeNotSent = s.ChargeNotSent + 1,
        },
    };

    private static PaymentDeciderState WithRefund(PaymentDeciderState s, string id, Func<RefundEntry, RefundEntry> change)
    {
        var index = s.Refunds.FindIndex(r => r.Id == id);
        return index < 0 ? s : s with { Refunds = s.Refunds.SetItem(index, change(s.Refunds[index])) };
    }

    private static PaymentDeciderState RefundSucceeded(PaymentDeciderState s, string id)
    {
        var next = WithRefund(s, id, r => r with { Status = RefundStatus.Succeeded, InFlight = PaymentStep.None });
        return next with { Status = next.Refunded >= next.Request!.Amount.Amount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded };
    }

    private PaymentReply OnCreate(Builder d, Input.Create create)
    {
        if (d.State.Exists)
        {
            return d.State.Request == create.Request ? PaymentReply.AlreadyExists : PaymentReply.RequestMismatch;
        }

        d.Record(new Change.Created(create.PaymentId, create.Request), create.At);
        d.Do(new Effect.Persist());
        d.Publish(d.Last);
        Continue(d, create.At);
        return PaymentReply.Accepted;
    }

    private PaymentReply OnResume(Builder d, Input.Resume resume)
    {
        if (d.State.IsSettled)
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.Resumed(), resume.At);
        Continue(d, resume.At);
        foreach (var refund in d.State.Refunds.Where(r => r.Status == RefundStatus.Pending))
        {
            DriveRefund(d, refund, resume.At);
        }

        return PaymentReply.Accepted;
    }

    private PaymentReply OnReserved(Builder d, Input.Reserved reserved)
    {
        if (!d.Answers(PaymentStep.Reserve, reserved.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.FundsReserved(), reserved.At);
        d.Publish(d.Last);
        Continue(d, reserved.At);
        return PaymentReply.None;
    }

    private PaymentReply OnReserveRefused(Builder d, Input.ReserveRefused refused)
    {
        if (!d.Answers(PaymentStep.Reserve, refused.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ReserveRefused(), refused.At);
        Choose(d, PaymentStatus.Failed, refused.Cause, refused.At);
        Continue(d, refused.At);
        return PaymentReply.None;
    }

    private PaymentReply OnFoundClosed(Builder d, Input.ReservationFoundClosed found)
    {
        if (!d.Answers(PaymentStep.Reserve, found.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ReservationClosed(found.ClosedAs), found.At);
        if (found.ClosedAs != ReservationStatus.Confirmed)
        {
            var cause = found.Cause ?? FailureCause.ReservationExpired;
            Choose(d, cause == FailureCause.Cancelled ? PaymentStatus.Cancelled : PaymentStatus.Failed, cause, found.At);
        }

        Continue(d, found.At);
        return PaymentReply.None;
    }

    private PaymentReply OnCharged(Builder d, Input.Charged charged)
    {
        if (!d.Answers(PaymentStep.Charge, charged.Attempt, charged.Send))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ChargeAnswered(charged.Verdict, charged.GatewayReference), charged.At);
        if (charged.Verdict is ChargeVerdict.Approved or ChargeVerdict.Declined)
        {
            d.Publish(d.Last);
        }

        if (d.State.Ending is null && charged.Verdict == ChargeVerdict.Declined)
        {
            Choose(d, PaymentStatus.Failed, FailureCause.GatewayRejected, charged.At);
        }
        else if (d.State.Ending is null && charged.Verdict == ChargeVerdict.NotSent && !d.State.ChargeUncertain && d.State.ChargeNotSent > maxRetries)
        {
            // Refused before sending, again and again: the gateway is down, and waiting only holds the funds longer.
            Choose(d, PaymentStatus.Failed, FailureCause.GatewayUnavailable, charged.At, PaymentStep.Charge, d.State.ChargeNotSent - 1);
        }

        Continue(d, charged.At);
        return PaymentReply.None;
    }

    private PaymentReply OnConfirmed(Builder d, Input.Confirmed confirmed)
    {
        if (!d.Answers(PaymentStep.Confirm, confirmed.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ReservationClosed(confirmed.ClosedAs), confirmed.At);
        d.Publish(d.Last);
        if (confirmed.ClosedAs != ReservationStatus.Confirmed)
        {
            // The reservation ended before the debit (expired, or released by a call of a lost activation): the approved
            // charge goes back, and the payment ends as the wallet's record says.
            var cause = confirmed.Cause ?? FailureCause.ReservationExpired;
            Choose(d, cause == FailureCause.Cancelled ? PaymentStatus.Cancelled : PaymentStatus.Failed, cause, confirmed.At);
        }

        Continue(d, confirmed.At);
        return PaymentReply.None;
    }

    private PaymentReply OnReleased(Builder d, Input.Released released)
    {
        if (!d.Answers(PaymentStep.Release, released.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ReservationClosed(released.ClosedAs), released.At);
        d.Publish(d.Last);
        if (released is { ClosedAs: ReservationStatus.Released, Cause: { } recorded } && recorded != d.State.EndingCause)
        {
            // Released before, for another cause (a cancel whose activation was lost): the wallet's record, its ledger and
            // the list row say so, and the payment ends as they say.
            d.Record(new Change.EndingChosen(recorded == FailureCause.Cancelled ? PaymentStatus.Cancelled : PaymentStatus.Failed, recorded), released.At);
        }

        Continue(d, released.At);
        return PaymentReply.None;
    }

    private PaymentReply OnVoided(Builder d, Input.Voided voided)
    {
        if (!d.Answers(PaymentStep.VoidCharge, voided.Attempt))
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ChargeVoided(voided.GatewayReference), voided.At);
        d.Publish(d.Last);
        if (d.State.Status.IsTerminal())
        {
            d.Do(new Effect.Persist());
        }

        Continue(d, voided.At);
        return PaymentReply.None;
    }

    private PaymentReply OnStepFailed(Builder d, Input.StepFailed failed)
    {
        if (failed.RefundId is { } refundId)
        {
            if (d.State.Refunds.Find(r => r.Id == refundId) is not { } refund || refund.InFlight != failed.Step)
            {
                return PaymentReply.Ignored;
            }

            // Refunds are retried until they go through: the gateway or the wallet owes an answer.
            d.Record(new Change.StepStarted(failed.Step, refundId), failed.At);
            d.Do(refund.ApprovedAtGateway
                ? new Effect.CreditWallet(refund.Id, refund.Amount, refund.Actor)
                : new Effect.RefundAtGateway(refund.Id, refund.Amount));
            return PaymentReply.None;
        }

        if (!d.Answers(failed.Step, failed.Attempt) || failed.Step == PaymentStep.Charge)
        {
            return PaymentReply.Ignored;
        }

        var s = d.State;
        if (failed.Step == PaymentStep.VoidCharge || s.StepFailures < maxRetries)
        {
            // Transient: the same call again (the grain backs off). A void is retried until it goes through.
            d.Record(new Change.StepRetried(failed.Step), failed.At);
            d.Do(StepEffect(d.State, failed.Step));
            return PaymentReply.None;
        }

        // A wallet call stayed unreachable. Undoing: stop, the reservation expires on its own and a resume finishes it.
        var undoing = failed.Step == PaymentStep.Release;
        d.Record(new Change.StepAbandoned(failed.Step, Stall: undoing), failed.At);
        if (!undoing && s.Ending is null)
        {
            Choose(d, PaymentStatus.Failed, FailureCause.WalletUnavailable, failed.At, failed.Step, s.StepFailures);
        }

        Continue(d, failed.At);
        return PaymentReply.None;
    }

    private PaymentReply OnStorageRefused(Builder d, Input.StorageRefused refused)
    {
        var s = d.State;
        if (s.Sequence == 2 && s.Attempt == 0 && s.Status == PaymentStatus.Pending)
        {
            // The creation's write failed, and the reservation after it was never asked for: the payment was not accepted.
            d.Record(new Change.CreationAbandoned(), refused.At);
            return PaymentReply.Unavailable;
        }

        // Any other write is made again, then what the failed write held back (the calls are idempotent, and an
        // answer to a call made twice is taken once).
        d.Do(new Effect.Persist());
        if (s.Awaiting == PaymentStep.Charge)
        {
            // A new send, not the same one again: a copy refused before sending must not vouch for one that may be out.
            Start(d, PaymentStep.Charge, refused.At);
        }
        else if (s.Awaiting != PaymentStep.None)
        {
            d.Do(StepEffect(s, s.Awaiting));
        }

        foreach (var refund in s.Refunds.Where(r => r.InFlight != PaymentStep.None))
        {
            d.Do(refund.ApprovedAtGateway
                ? new Effect.CreditWallet(refund.Id, refund.Amount, refund.Actor)
                : new Effect.RefundAtGateway(refund.Id, refund.Amount));
        }

        // The ending's announcements were held back only if the failed write was the ending's (at most the call that
        // settles the gateway follows it). Announcing a failure again later could bring back a record operators purged.
        if (s.Status == PaymentStatus.Failed && s.Failure is { } failure && s.Sequence - s.EndedSequence <= 1)
        {
            d.Do(new Effect.RecordFailure(failure, s.FailedStep, s.FailedStepRetries, s.RetryOf));
        }

        if (s.Status.IsTerminal())
        {
            // Both idempotent, and the row's sequence keeps an older one from winning.
            d.Do(new Effect.UpdateListing(ListingOf(s, s.Status)));
            d.Do(new Effect.TellOrder(s.Status));
        }

        Continue(d, refused.At);
        return PaymentReply.None;
    }

    private PaymentReply OnCancel(Builder d, Input.Cancel cancel)
    {
        var s = d.State;
        if (s.Status == PaymentStatus.Cancelled || s.Ending == PaymentStatus.Cancelled)
        {
            return s.Status == PaymentStatus.Cancelled ? PaymentReply.AlreadyCancelled : PaymentReply.Cancelling;
        }

        // A cancel wins only while nothing beyond the reservation has been asked for, in this attempt and any earlier run of it.
        if (s.Status.IsTerminal() || s.Ending is not null || s.ChargeSends > 0 || s.ChargeUncertain || s.Awaiting != PaymentStep.Reserve)
        {
            return PaymentReply.NotCancellable;
        }

        Choose(d, PaymentStatus.Cancelled, FailureCause.Cancelled, cancel.At);
        return PaymentReply.Cancelling;
    }

    private PaymentReply OnExpired(Builder d, Input.ReservationExpired expired)
    {
        var s = d.State;
        if (expired.Attempt != s.Attempt || s.Status.IsTerminal() || s.Ending is not null || s.Reservation == ReservationStanding.Closed)
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.ReservationClosed(ReservationStatus.Expired, AnswersCall: false), expired.At);
        Choose(d, PaymentStatus.Failed, FailureCause.ReservationExpired, expired.At);
        Continue(d, expired.At);
        return PaymentReply.None;
    }

    private PaymentReply OnRefundRequested(Builder d, Input.RefundRequested request)
    {
        var s = d.State;
        if (s.Refunds.Find(r => r.Id == request.RefundId) is { } earlier)
        {
            if (request.Amount is { } asked && asked != earlier.Amount)
            {
                return PaymentReply.RefundMismatch;
            }

            if (earlier.Status == RefundStatus.Pending && earlier.InFlight == PaymentStep.None)
            {
                DriveRefund(d, earlier, request.At);
            }

            return PaymentReply.RefundReplayed;
        }

        if (!s.Status.WasCharged())
        {
            return PaymentReply.NotRefundable;
        }

        if (s.Refunds.Count >= MaxRefunds)
        {
            return PaymentReply.RefundLimitReached;
        }

        // Pending refunds count too, so that concurrent requests never add up to more than the payment.
        var committed = s.Refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.Amount);
        var amount = request.Amount ?? s.Request!.Amount.Amount - committed;
        if (amount <= 0 || committed + amount > s.Request!.Amount.Amount)
        {
            return PaymentReply.RefundExceedsPayment;
        }

        var refund = new RefundEntry(request.RefundId, amount, request.Reason, request.Actor, request.At);
        d.Record(new Change.RefundOpened(refund), request.At);

        // Durable intent first: once the gateway has been asked, a crash must not forget the wallet's credit.
        d.Do(new Effect.Persist());
        DriveRefund(d, refund, request.At);
        return PaymentReply.RefundAccepted;
    }

    private PaymentReply OnRefundAnswered(Builder d, Input.RefundAnswered answer)
    {
        if (d.State.Refunds.Find(r => r.Id == answer.RefundId) is not { InFlight: PaymentStep.RefundAtGateway } refund)
        {
            return PaymentReply.Ignored;
        }

        if (!answer.Approved)
        {
            d.Record(new Change.RefundDeclined(refund.Id), answer.At);
            d.Do(new Effect.Persist());
            return PaymentReply.None;
        }

        d.Record(new Change.RefundApproved(refund.Id, answer.GatewayReference), answer.At);
        DriveRefund(d, d.State.Refunds.Find(r => r.Id == refund.Id)!, answer.At);
        return PaymentReply.None;
    }

    private PaymentReply OnRefundCredited(Builder d, Input.RefundCredited credited)
    {
        if (d.State.Refunds.Find(r => r.Id == credited.RefundId) is not { InFlight: PaymentStep.CreditWallet } refund)
        {
            return PaymentReply.Ignored;
        }

        d.Record(new Change.RefundCredited(refund.Id), credited.At);
        d.Do(new Effect.Persist());
        d.Publish(d.Last);
        d.Do(new Effect.UpdateListing(ListingOf(d.State, d.State.Status)));
        d.Do(new Effect.TellOrder(d.State.Status));
        return PaymentReply.None;
    }

    private PaymentReply OnRetry(Builder d, Input.OperatorRetry retry)
    {
        var s = d.State;
        if (s.Status != PaymentStatus.Failed || s.Failure is not { } cause || !cause.IsRetryable() || !s.IsSettled)
        {
            return PaymentReply.RetryRefused;
        }

        // The one step back a payment may take: a new attempt, with its own reservation and charge key.
        d.Record(new Change.RetryStarted(retry.FailedEventId, retry.Actor), retry.At);
        d.Do(new Effect.Persist());
        d.Publish(d.Last);
        Continue(d, retry.At);
        return PaymentReply.RetryAccepted;
    }

    /// <summary>With nothing out, the next call of the main path, or the ending. The one place that drives the saga.</summary>
    private void Continue(Builder d, DateTimeOffset at)
    {
        var s = d.State;
        if (s.Stalled)
        {
            return;
        }

        // The ending is recorded as soon as the wallet's side is settled; a charge still out is settled after it.
        if (!s.Status.IsTerminal() && s.Ending is { } decided &&
            (decided == PaymentStatus.Completed ? s.Debited : s.Reservation is ReservationStanding.None or ReservationStanding.Closed))
        {
            Finish(d, decided, at);
            s = d.State;
        }

        if (s.Awaiting != PaymentStep.None)
        {
            return;
        }

        if (s.Status.IsTerminal())
        {
            // After the ending: a charge that may have landed is asked again until answered; an approved one without
            // its debit is given back.
            if (s.ChargeUncertain)
            {
                Start(d, PaymentStep.Charge, at);
            }
            else if (s.HoldsUndebitedCharge)
            {
                Start(d, PaymentStep.VoidCharge, at);
            }

            return;
        }

        var next = s switch
        {
            { Ending: not null } => PaymentStep.Release,
            { Reservation: ReservationStanding.None or ReservationStanding.Unknown } => PaymentStep.Reserve,
            { ChargeApproved: false } => PaymentStep.Charge,
            _ => PaymentStep.Confirm,
        };
        Start(d, next, at);
    }

    private static void Finish(Builder d, PaymentStatus ending, DateTimeOffset at)
    {
        var s = d.State;
        var cause = ending == PaymentStatus.Completed ? (FailureCause?)null : s.EndingCause;
        d.Record(new Change.Ended(ending, cause), at);
        d.Do(new Effect.Persist());
        d.Publish(d.Last);

        // The wallet's operation that ended the hold wrote the row (a deduction, or our release); otherwise (refused,
        // expired, never held) the payment writes it.
        if (ending != PaymentStatus.Completed && s.ReservationClosedAs != ReservationStatus.Released)
        {
            d.Do(new Effect.UpdateListing(ListingOf(d.State, ending)));
        }

        if (ending == PaymentStatus.Failed && cause is { } failure)
        {
            d.Do(new Effect.RecordFailure(failure, s.FailedStep, s.FailedStepRetries, s.RetryOf));
        }

        d.Do(new Effect.TellOrder(ending));
    }

    private static void Choose(Builder d, PaymentStatus status, FailureCause? cause, DateTimeOffset at, PaymentStep failedStep = PaymentStep.None, int retries = 0)
    {
        if (d.State.Ending is null)
        {
            d.Record(new Change.EndingChosen(status, cause, failedStep, retries), at);
        }
    }

    private static void Start(Builder d, PaymentStep step, DateTimeOffset at)
    {
        d.Record(new Change.StepStarted(step), at);
        d.Do(StepEffect(d.State, step));
    }

    private static Effect StepEffect(PaymentDeciderState s, PaymentStep step) => step switch
    {
        PaymentStep.Reserve => new Effect.Reserve(s.Attempt, s.Request!.Amount.Amount, ListingOf(s, PaymentStatus.Reserved)),
        PaymentStep.Charge => new Effect.Charge(s.Attempt, s.AwaitingSend, s.Request!.Amount.Amount),
        PaymentStep.Confirm => new Effect.Confirm(s.Attempt, ListingOf(s, PaymentStatus.Completed)),
        PaymentStep.Release => new Effect.Release(
            s.Attempt, s.EndingCause ?? FailureCause.WalletUnavailable, ListingOf(s, s.Ending == PaymentStatus.Cancelled ? PaymentStatus.Cancelled : PaymentStatus.Failed)),
        PaymentStep.VoidCharge => new Effect.VoidCharge(s.Attempt, s.VoidId, s.Request!.Amount.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    private static PaymentListing ListingOf(PaymentDeciderState s, PaymentStatus status) => PaymentListing.Of(s, status);

    private static void DriveRefund(Builder d, RefundEntry refund, DateTimeOffset at)
    {
        var step = refund.ApprovedAtGateway ? PaymentStep.CreditWallet : PaymentStep.RefundAtGateway;
        d.Record(new Change.StepStarted(step, refund.Id), at);
        d.Do(refund.ApprovedAtGateway
            ? new Effect.CreditWallet(refund.Id, refund.Amount, refund.Actor)
            : new Effect.RefundAtGateway(refund.Id, refund.Amount));
    }

    /// <summary>Collects one decision, evolving the state as each change is recorded so later rules see it.</summary>
    private sealed class Builder(PaymentDeciderState state)
    {
        private readonly List<PaymentChange> _changes = [];
        private readonly List<PaymentEffect> _effects = [];

        public PaymentDeciderState State { get; private set; } = state;
        public PaymentReply Reply { get; set; }
        public PaymentChange Last => _changes[^1];

        public void Record(PaymentChange change, DateTimeOffset at)
        {
            var numbered = change with { Sequence = State.Sequence + 1, At = at };
            _changes.Add(numbered);
            State = Evolve(State, numbered);
        }

        public void Do(PaymentEffect effect) => _effects.Add(effect);

        public void Publish(PaymentChange change) => _effects.Add(new Effect.Publish(change));

        /// <summary>Is this the answer to the call now out (same step, attempt and send)?</summary>
        public bool Answers(PaymentStep step, int attempt, int? send = null) =>
            State.Awaiting == step && State.Attempt == attempt && (send is null || send == State.AwaitingSend);

        public PaymentDecision Build() => new(_changes, _effects, Reply, State);
    }
}
