using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Payments;

/// <summary>
/// The rules of one attempt of a payment's saga (reserve → charge → confirm, or release and void), without I/O:
/// it is told each step's outcome and outside events (cancel, reservation expired) and answers with the next step,
/// which the grain performs. A new attempt (an operator's retry) gets a new saga.
/// </summary>
/// <remarks>
/// Money rules it keeps: a charge approved for this attempt is either confirmed by a debit or voided at the gateway;
/// a charge whose request may have reached the gateway is re-sent (same idempotency key) until the gateway answers
/// definitively, never presumed absent; a charge refused by an open breaker before anything was sent fails the payment at once.
/// </remarks>
internal sealed class PaymentSaga
{
    private readonly int _maxChargeRetries;
    private (PaymentStatus Status, string? Reason, StepFailedException? Failure)? _ending;
    private bool _finished;
    private bool _compensating;
    private bool _cancelling;
    private int _sends;
    private int _unavailableRetries;

    /// <summary>Resumes from the payment's durable status (a fresh payment or a retried one is pending).</summary>
    /// <param name="resumed">
    /// Another saga ran this attempt before (an earlier activation, or one that stopped): it may have been charged, so
    /// until the gateway says otherwise an ending other than completed hands that possible charge back first.
    /// </param>
    public PaymentSaga(PaymentStatus status, int maxChargeRetries, bool resumed = false)
    {
        _maxChargeRetries = maxChargeRetries;
        _finished = status.IsTerminal();
        ChargeMayHaveLanded = resumed && !_finished;
        Next = status switch
        {
            PaymentStatus.Pending => SagaStep.Reserve,
            PaymentStatus.Reserved or PaymentStatus.Processing => SagaStep.Charge(0),
            _ => SagaStep.Stop,
        };
    }

    /// <summary>The step to perform now; the grain reports its outcome with the matching <c>On…</c> method.</summary>
    public SagaStep Next { get; private set; }

    /// <summary>This attempt's charge was approved by the gateway and has not been voided.</summary>
    public bool ChargeApproved { get; private set; }

    /// <summary>A charge was sent without a definitive answer: until one comes, it may have happened.</summary>
    public bool ChargeMayHaveLanded { get; private set; }

    /// <summary>Money may be held at the gateway for this attempt: approved, or sent (now or by an earlier saga) without a verdict.</summary>
    private bool MayHoldCharge => ChargeApproved || ChargeMayHaveLanded;

    /// <summary>The ending was decided and made durable (by the saga, a cancel or an expiry).</summary>
    public bool Finished => _finished;

    /// <summary>
    /// A cancel can still win: nothing beyond the reservation has been asked for. Not so for a resumed attempt whose
    /// earlier saga may have sent the charge: a cancel would release the funds and end it with that charge standing.
    /// </summary>
    public bool Cancellable => !_finished && _ending is null && !ChargeMayHaveLanded && Next.Kind == SagaStepKind.Reserve;

    public SagaStep OnReserved(ReserveResult result)
    {
        if (_ending is not null)
        {
            // Cancelled or expired while the wallet answered: hand back what it may have just reserved.
            return Next = result.Outcome == ReserveOutcome.Reserved ? SagaStep.Release(_ending.Value.Reason ?? FailureReasons.Cancelled) : EndOrStop();
        }

        return Next = result.Outcome switch
        {
            ReserveOutcome.Reserved => SagaStep.Charge(0),
            ReserveOutcome.InsufficientFunds => Decide(PaymentStatus.Failed, FailureReasons.InsufficientFunds),
            ReserveOutcome.WalletNotFound => Decide(PaymentStatus.Failed, FailureReasons.WalletNotFound),
            ReserveOutcome.CurrencyMismatch => Decide(PaymentStatus.Failed, FailureReasons.CurrencyMismatch),

            // Resumed after a restart that came after the deduction: only the ending was not yet durable.
            _ when result.ClosedAs == ReservationStatus.Confirmed => Decide(PaymentStatus.Completed, null),
            _ when result.Event?.Reason == FailureReasons.Cancelled => Decide(PaymentStatus.Cancelled, FailureReasons.Cancelled),
            _ => Decide(PaymentStatus.Failed, result.Event?.Reason ?? FailureReasons.ReservationExpired),
        };
    }

    public SagaStep OnCharged(ChargeOutcome outcome, string? reason)
    {
        _sends++;
        switch (outcome)
        {
            case ChargeOutcome.Approved:
                ChargeApproved = true;
                ChargeMayHaveLanded = false;
                return Next = _ending is null ? SagaStep.Confirm : SagaStep.VoidCharge;
            case ChargeOutcome.Rejected:
                ChargeMayHaveLanded = false;
                return Next = _ending is null ? ReleaseFor(PaymentStatus.Failed, FailureReasons.GatewayRejected) : EndOrStop();
            case ChargeOutcome.Unknown:
                ChargeMayHaveLanded = true;
                return Next = SagaStep.Charge(_sends);
        }

        // No charge happened by this send. Whether it happened by an earlier one is only settled by a definitive answer.
        if (ChargeMayHaveLanded)
        {
            return Next = SagaStep.Charge(_sends);
        }

        if (_ending is not null)
        {
            return Next = EndOrStop();
        }

        // An open breaker refused before sending: the gateway is known to be failing, so waiting only holds the funds longer.
        if (outcome == ChargeOutcome.Unavailable && _unavailableRetries < _maxChargeRetries)
        {
            _unavailableRetries++;
            return Next = SagaStep.Charge(_sends);
        }

        var failure = new StepFailedException("charge", _unavailableRetries + 1, new InvalidOperationException(reason ?? FailureReasons.GatewayUnavailable));
        return Next = ReleaseFor(PaymentStatus.Failed, FailureReasons.GatewayUnavailable, failure);
    }

    public SagaStep OnConfirmed(ReservationStatus status)
    {
        if (status == ReservationStatus.Confirmed)
        {
            return Next = Decide(PaymentStatus.Completed, null);
        }

        // The reservation ended (expired) before the debit: the approved charge must be handed back.
        _ending ??= (PaymentStatus.Failed, FailureReasons.ReservationExpired, null);
        return Next = MayHoldCharge ? SagaStep.VoidCharge : EndOrStop();
    }

    public SagaStep OnReleased(ReservationStatus status)
    {
        if (status == ReservationStatus.Confirmed && !_finished)
        {
            // The deduction did happen before the fault: the payment is complete (and its charge stands).
            return Next = Decide(PaymentStatus.Completed, null);
        }

        return Next = MayHoldCharge ? SagaStep.VoidCharge : EndOrStop();
    }

    public SagaStep OnVoided()
    {
        ChargeApproved = false;
        ChargeMayHaveLanded = false;
        return Next = EndOrStop();
    }

    /// <summary>A wallet step stayed unreachable past its retries: release (the wallet decides what happened) and fail.</summary>
    public SagaStep OnStepFailed(StepFailedException failure)
    {
        if (_compensating || _finished)
        {
            // Still unreachable: the reservation expires on its own and the recovery check resumes the saga.
            return Next = SagaStep.Stop;
        }

        _compensating = true;
        _ending ??= (PaymentStatus.Failed, FailureReasons.WalletUnavailable, failure);
        return Next = SagaStep.Release(_ending.Value.Reason ?? FailureReasons.WalletUnavailable);
    }

    /// <summary>The ending is durable, whoever decided it.</summary>
    public SagaStep OnFinished()
    {
        _finished = true;
        return Next = Next.Kind == SagaStepKind.Finish ? SagaStep.Stop : Next;
    }

    /// <summary>
    /// An operator's cancel. True when it wins: the caller releases the reservation and finishes the payment cancelled;
    /// a reservation still being made is then released by the saga itself.
    /// </summary>
    public bool TryCancel()
    {
        if (!Cancellable)
        {
            return false;
        }

        _cancelling = true;
        _ending = (PaymentStatus.Cancelled, FailureReasons.Cancelled, null);
        return true;
    }

    /// <summary>The cancel's release failed: the payment goes on (the saga restarts if it had stopped for the cancel).</summary>
    public void CancelFailed()
    {
        if (_cancelling && !_finished)
        {
            _cancelling = false;
            _ending = null;
            if (Next.Kind == SagaStepKind.Stop)
            {
                Next = SagaStep.Reserve;
            }
        }
    }

    /// <summary>The wallet expired the reservation. True when that ends the payment (failed) and the grain must finish it.</summary>
    public bool OnReservationExpired()
    {
        if (_finished || _ending is not null)
        {
            return false;
        }

        _ending = (PaymentStatus.Failed, FailureReasons.ReservationExpired, null);
        return true;
    }

    private SagaStep ReleaseFor(PaymentStatus status, string reason, StepFailedException? failure = null)
    {
        _ending = (status, reason, failure);
        return SagaStep.Release(reason);
    }

    private SagaStep Decide(PaymentStatus status, string? reason)
    {
        _ending = (status, reason, null);
        return status != PaymentStatus.Completed && MayHoldCharge ? SagaStep.VoidCharge : SagaStep.Finish(status, reason);
    }

    private SagaStep EndOrStop()
    {
        if (_finished || _cancelling)
        {
            return SagaStep.Stop;
        }

        // Nothing decided (a cancel that failed after the saga released for it): the wallet's record of this attempt tells.
        return _ending is { } ending ? SagaStep.Finish(ending.Status, ending.Reason, ending.Failure) : SagaStep.Reserve;
    }
}
