using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

public sealed partial class PaymentGrain
{
    public async Task<RefundResult> RefundAsync(RefundCommand command, CancellationToken cancellationToken = default)
    {
        GrainArguments.RequireId(command.RefundId, nameof(command.RefundId));
        if (command.Reason is { Length: > RefundCommand.MaxReasonLength })
        {
            throw new ArgumentException($"A refund reason has at most {RefundCommand.MaxReasonLength} characters.", nameof(command));
        }

        if (!Exists)
        {
            return new RefundResult(RefundOutcome.NotFound, null, null);
        }

        if (Payment.Refunds.FirstOrDefault(r => r.Id == command.RefundId) is { } earlier)
        {
            return command.Amount is { } asked && asked != earlier.Amount
                ? new RefundResult(RefundOutcome.RequestMismatch, earlier.ToView(), Snapshot())
                : await ReplayRefundAsync(earlier);
        }

        if (!Payment.Status.WasCharged())
        {
            return new RefundResult(RefundOutcome.NotRefundable, null, Snapshot());
        }

        // Bounded so the payment's state stays well inside one storage entity (a write that can never fit is never retried).
        if (Payment.Refunds.Count >= RefundCommand.MaxRefundsPerPayment)
        {
            return new RefundResult(RefundOutcome.LimitReached, null, Snapshot());
        }

        // Pending refunds count too, so that concurrent requests can never add up to more than the payment.
        var committed = Payment.Refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.Amount);
        var amount = command.Amount ?? Request.Amount.Amount - committed;
        if (amount <= 0 || committed + amount > Request.Amount.Amount)
        {
            return new RefundResult(RefundOutcome.ExceedsPayment, null, Snapshot());
        }

        GrainArguments.RequireValid(new Money.Money(amount, Request.Amount.Currency));
        var refund = new RefundRecord { Id = command.RefundId, Amount = amount, Reason = command.Reason, Status = RefundStatus.Pending, CreatedAt = _time.GetUtcNow(), Actor = command.Actor };
        Payment.Refunds.Add(refund);
        try
        {
            // Durable intent first: once the gateway has been asked, a crash must not forget the wallet's credit.
            await Recovery.TrackAsync(PaymentId);
            await _state.WriteStateAsync();
        }
        catch
        {
            Payment.Refunds.Remove(refund);
            throw;
        }

        await CompleteRefundAsync(refund);
        return new RefundResult(refund.Status == RefundStatus.Succeeded ? RefundOutcome.Refunded : RefundOutcome.Declined, refund.ToView(), Snapshot());
    }

    private async Task<RefundResult> ReplayRefundAsync(RefundRecord refund)
    {
        if (refund.Status == RefundStatus.Pending)
        {
            await CompleteRefundAsync(refund);
        }

        var outcome = refund.Status == RefundStatus.Failed ? RefundOutcome.Declined : RefundOutcome.Refunded;
        return new RefundResult(outcome, refund.ToView(), Snapshot(), Replayed: true);
    }

    /// <summary>Refund at the gateway, then credit the wallet; both idempotent by refund id, so safe to re-run.</summary>
    private async Task CompleteRefundAsync(RefundRecord refund)
    {
        var money = new Money.Money(refund.Amount, Request.Amount.Currency);
        var reply = await WithRetriesAsync("refund", () => Gateway.RefundAsync(new RefundRequest(refund.Id, PaymentId, money)), retryForever: true);
        if (refund.Status != RefundStatus.Pending)
        {
            return;
        }

        if (reply.Approved)
        {
            refund.GatewayReference = reply.GatewayReference;
            var credited = await WithRetriesAsync("credit", () => Wallet.CreditAsync(refund.Id, PaymentId, money, refund.Actor), retryForever: true);
            if (refund.Status != RefundStatus.Pending)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var refunded = PaymentEvent.Create(EventTypes.PaymentRefunded, PaymentId, Request.UserId, money, now, refund.Reason, refund.Actor);
            // The wallet announced the credit itself; the refund is announced with the write below.
            Record(credited.Event, announce: false);
            Record(refunded);
            refund.Status = RefundStatus.Succeeded;
            var total = Payment.Refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount);
            Payment.Status = total >= Request.Amount.Amount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            Payment.UpdatedAt = now;

            // Listed before it is written: should the write be lost, the refund is still pending and this runs again.
            await UpdateListingAsync();
            await PersistAsync();
            TellOrder();
        }
        else
        {
            refund.Status = RefundStatus.Failed;
            await PersistAsync();
        }

        if (Payment.Refunds.All(r => r.Status != RefundStatus.Pending))
        {
            await Recovery.ForgetAsync(PaymentId);
        }
    }
}
