using PaymentActors.Grains.Wallets;
using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Payments;

public sealed partial class PaymentGrain
{
    private void StartSaga()
    {
        if (!_sagaRunning)
        {
            _sagaRunning = true;
            _ = RunSagaAsync();
        }
    }

    private async Task RunSagaAsync()
    {
        // Let the call that started the saga return first.
        await Task.Yield();
        try
        {
            if (Payment.Status == PaymentStatus.Pending)
            {
                await ReserveAsync();
            }

            if (Payment.Status is PaymentStatus.Reserved or PaymentStatus.Processing)
            {
                await ChargeAndSettleAsync();
            }
        }
        catch (StepFailedException failure)
        {
            // A step stayed unreachable past its retries: undo what may have happened and end the payment.
            PaymentLog.SagaStopped(_logger, failure, PaymentId, Payment.Status.ToWireName());
            await CompensateAsync(FailureReasons.WalletUnavailable, failure);
        }
        catch (Exception exception)
        {
            // Not a step failure (the ending could not be announced, say): the recovery check resumes the saga.
            PaymentLog.SagaStopped(_logger, exception, PaymentId, Payment.Status.ToWireName());
        }
        finally
        {
            _sagaRunning = false;
        }
    }

    private async Task ReserveAsync()
    {
        // The reservation carries the request: from here on the wallet can resume this payment if its silo dies.
        var result = await WithRetriesAsync("reserve", () => Settlement.ReserveForPaymentAsync(PaymentId, Request, Payment.Attempt));
        _reservedAtWallet |= result.Outcome == ReserveOutcome.Reserved;
        if (Payment.Status.IsTerminal())
        {
            // Cancelled or expired while the wallet answered: hand back what it may have just reserved.
            if (result.Outcome == ReserveOutcome.Reserved)
            {
                Record(result.Event);
                Record((await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, Payment.FailureReason ?? FailureReasons.Cancelled, Payment.Attempt))).Event);
                await PersistAsync();
                SettleAtWallet(ReservationRecord.KeyOf(PaymentId, Payment.Attempt), forget: true);
            }

            return;
        }

        Record(result.Event);
        switch (result.Outcome)
        {
            case ReserveOutcome.Reserved:
                MoveTo(PaymentStatus.Reserved);
                break;
            case ReserveOutcome.InsufficientFunds:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.InsufficientFunds);
                break;
            case ReserveOutcome.WalletNotFound:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.WalletNotFound);
                break;
            case ReserveOutcome.CurrencyMismatch:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.CurrencyMismatch);
                break;
            case ReserveOutcome.AlreadyClosed when result.ClosedAs == ReservationStatus.Confirmed:
                // Resumed after a restart that came after the deduction: only the ending was not yet durable.
                await FinishAsync(PaymentStatus.Completed, null);
                break;
            case ReserveOutcome.AlreadyClosed when result.Event?.Reason == FailureReasons.Cancelled:
                await FinishAsync(PaymentStatus.Cancelled, FailureReasons.Cancelled);
                break;
            default:
                await FinishAsync(PaymentStatus.Failed, result.Event?.Reason ?? FailureReasons.ReservationExpired);
                break;
        }
    }

    private async Task ChargeAndSettleAsync()
    {
        MoveTo(PaymentStatus.Processing);
        var charge = await ChargeAsync();
        var charged = _charged = charge.Outcome == ChargeOutcome.Approved;
        if (Payment.Status.IsTerminal())
        {
            // The reservation expired (or the payment was cancelled) while the gateway answered: no money may leave without a debit.
            if (charged)
            {
                await RefundChargeAsync();
            }

            return;
        }

        Record(charge.Event);
        if (charged)
        {
            var confirmed = await WithRetriesAsync("confirm", () => Wallet.ConfirmAsync(PaymentId, Payment.Attempt));
            Record(confirmed.Event);
            if (confirmed.Status == ReservationStatus.Confirmed)
            {
                await FinishAsync(PaymentStatus.Completed, null);
                return;
            }

            await RefundChargeAsync();
            await FinishAsync(PaymentStatus.Failed, FailureReasons.ReservationExpired);
            return;
        }

        var reason = charge.Outcome == ChargeOutcome.Rejected ? FailureReasons.GatewayRejected : FailureReasons.GatewayUnavailable;
        var released = await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, reason, Payment.Attempt));
        Record(released.Event);
        var failure = charge.Outcome == ChargeOutcome.Unavailable
            ? new StepFailedException("charge", _options.MaxRetries + 1, new InvalidOperationException(charge.Reason ?? "gateway unavailable"))
            : null;
        await FinishAsync(PaymentStatus.Failed, reason, failure);
    }

    /// <summary>
    /// Charges, retrying while the gateway says it did not process the charge, and reconciling (never guessing)
    /// while the outcome is unknown.
    /// </summary>
    private async Task<ChargeResult> ChargeAsync()
    {
        var request = new ChargeRequest(PaymentId, Request.UserId, Request.Amount);
        var charge = await AskGatewayAsync(() => Gateway.ChargeAsync(request));
        for (var attempt = 1; ; attempt++)
        {
            if (charge.Outcome == ChargeOutcome.Unknown)
            {
                await Task.Delay(Backoff(attempt), _time);
                charge = await AskGatewayAsync(() => Gateway.ReconcileAsync(request));

                // Reconciled: the gateway's own record decides, including "it never received the charge".
                if (charge.Outcome != ChargeOutcome.Unknown)
                {
                    return charge;
                }

                continue;
            }

            if (charge.Outcome != ChargeOutcome.Unavailable || attempt > _options.MaxRetries || Payment.Status.IsTerminal())
            {
                return charge;
            }

            PaymentLog.StepRetry(_logger, new InvalidOperationException(charge.Reason), "charge", PaymentId, attempt);
            await Task.Delay(Backoff(attempt), _time);
            charge = await AskGatewayAsync(() => Gateway.ChargeAsync(request));
        }
    }

    /// <summary>A gateway call that fails without an answer (a call timeout) leaves the charge's outcome unknown.</summary>
    private static async Task<ChargeResult> AskGatewayAsync(Func<Task<ChargeResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            return new ChargeResult(ChargeOutcome.Unknown, exception.Message, null);
        }
    }

    private async Task CompensateAsync(string reason, StepFailedException failure)
    {
        try
        {
            var released = await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, reason, Payment.Attempt));
            if (released.Status == ReservationStatus.Confirmed)
            {
                // The deduction did happen before the fault: the payment is complete.
                await FinishAsync(PaymentStatus.Completed, null);
                return;
            }

            Record(released.Event);
            if (_charged)
            {
                await RefundChargeAsync();
            }

            await FinishAsync(PaymentStatus.Failed, reason, failure);
        }
        catch (StepFailedException exception)
        {
            // The wallet is still unreachable: the reservation expires on its own and the recovery check resumes the saga.
            PaymentLog.SagaStopped(_logger, exception, PaymentId, Payment.Status.ToWireName());
        }
    }

    private async Task RefundChargeAsync()
    {
        PaymentLog.RefundingOrphanCharge(_logger, PaymentId);
        await WithRetriesAsync("refund", () => Gateway.RefundAsync(new RefundRequest("void_" + PaymentId, PaymentId, Request.Amount)), retryForever: true);
    }
}
