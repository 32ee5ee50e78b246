using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Payments;

/// <summary>The saga's I/O: <see cref="PaymentSaga"/> decides each step, this performs it and reports the outcome.</summary>
public sealed partial class PaymentGrain
{
    private void StartSaga()
    {
        if (_sagaRunning)
        {
            return;
        }

        if (_saga.Next.Kind == SagaStepKind.Stop && !Payment.Status.IsTerminal())
        {
            // Stopped unfinished (the wallet stayed unreachable): start over from the durable status; every step is idempotent.
            _saga = new PaymentSaga(Payment.Status, _options.MaxRetries, resumed: true);
        }

        if (_saga.Next.Kind != SagaStepKind.Stop)
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
            // _saga is read on every step: an operator's retry may have replaced it with the next attempt's.
            while (_saga is var saga && saga.Next is { Kind: not SagaStepKind.Stop } step)
            {
                try
                {
                    await PerformAsync(saga, step);
                }
                catch (StepFailedException failure)
                {
                    // A wallet step stayed unreachable past its retries: the saga decides how to undo what may have happened.
                    PaymentLog.SagaStopped(_logger, failure, PaymentId, Payment.Status.ToWireName());
                    saga.OnStepFailed(failure);
                }
            }
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

    private async Task PerformAsync(PaymentSaga saga, SagaStep step)
    {
        switch (step.Kind)
        {
            case SagaStepKind.Reserve:
                // The reservation carries the request: from here on the wallet can resume this payment if its silo dies.
                var reserved = await WithRetriesAsync("reserve", () => Settlement.ReserveForPaymentAsync(PaymentId, Request, Payment.Attempt, Payment.CreatedAt));
                _reservedAtWallet |= reserved.Outcome == ReserveOutcome.Reserved;
                Record(reserved.Event);
                if (reserved.Outcome == ReserveOutcome.Reserved)
                {
                    MoveTo(PaymentStatus.Reserved);
                }

                saga.OnReserved(reserved);
                break;
            case SagaStepKind.Charge:
                if (step.Resend > 0)
                {
                    await Task.Delay(Backoff(step.Resend), _time);
                }

                MoveTo(PaymentStatus.Processing);
                var charge = await AskGatewayAsync(() => Gateway.ChargeAsync(new ChargeRequest(PaymentId, Request.UserId, Request.Amount, Payment.Attempt)));
                var settled = saga.OnCharged(charge.Outcome, charge.Reason).Kind != SagaStepKind.Charge;
                if (settled)
                {
                    // A late answer (the payment already ended) is kept in the history, for its charge transaction, but
                    // not announced: the stream's figures count the payment's own path.
                    Record(charge.Event, announce: !saga.Finished);
                }
                else
                {
                    PaymentLog.StepRetry(_logger, new InvalidOperationException(charge.Reason), "charge", PaymentId, step.Resend + 1);
                }

                break;
            case SagaStepKind.Confirm:
                var confirmed = await WithRetriesAsync("confirm", () => Wallet.ConfirmAsync(PaymentId, Payment.Attempt));
                Record(confirmed.Event);
                saga.OnConfirmed(confirmed.Status);
                break;
            case SagaStepKind.Release:
                var released = await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, step.Reason!, Payment.Attempt));
                Record(released.Event);
                saga.OnReleased(released.Status);
                await PersistIfEndedAsync();
                break;
            case SagaStepKind.VoidCharge:
                await VoidChargeAsync();
                saga.OnVoided();
                await PersistIfEndedAsync();
                break;
            case SagaStepKind.Finish:
                await FinishAsync(step.Status, step.Reason, step.Failure);
                break;
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

    /// <summary>Refunds this attempt's charge; the refund id names the attempt, so a later attempt's charge is never touched.</summary>
    private async Task VoidChargeAsync()
    {
        PaymentLog.RefundingOrphanCharge(_logger, PaymentId);
        var refundId = Payment.Attempt == 0 ? "void_" + PaymentId : $"void{Payment.Attempt}_{PaymentId}";
        var reply = await WithRetriesAsync("refund", () => Gateway.RefundAsync(new RefundRequest(refundId, PaymentId, Request.Amount, Payment.Attempt)), retryForever: true);

        // The payment's history keeps it (its refund transaction; its id names the refund, so it is kept once); the
        // caller persists it with the ending. Not announced: the stream carries the seeds' events, and no wallet money moved.
        var refunded = PaymentEvent.Create(EventTypes.ChargeRefunded, PaymentId, Request.UserId, Request.Amount, _time.GetUtcNow())
            with { Id = EventIds.Derive("evt", PaymentId, refundId), GatewayReference = reply.GatewayReference };
        Record(refunded, announce: false);
    }

    /// <summary>What a step does after the ending (release what a cancel raced, void a late charge) is kept with the payment.</summary>
    private Task PersistIfEndedAsync() => Payment.Status.IsTerminal() ? PersistAsync() : Task.CompletedTask;
}
