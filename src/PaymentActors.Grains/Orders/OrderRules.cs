using PaymentActors.Events;
using PaymentActors.Orders;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Orders;

/// <summary>
/// The order's rules, on its state alone: what a claim, an update, a cancel or an operator's step may do, and what the
/// claiming payment's outcome means for the order. The grain supplies the payment's snapshot and persists the result.
/// </summary>
internal static class OrderRules
{
    /// <summary>How long a claim may wait for its payment to be created before the order stops waiting for it.</summary>
    public static readonly TimeSpan UncreatedClaimTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Applies the claiming (or paying) payment's outcome; true when the state changed.</summary>
    public static bool Observe(OrderState state, PaymentSnapshot? payment, DateTimeOffset now)
    {
        if (state.ClaimedBy is { } claimant)
        {
            switch (payment?.Status)
            {
                case null when now - state.ClaimedAt > UncreatedClaimTimeout:
                    // The front door claimed the order but never created the payment (it crashed, or the create was refused).
                    return Touch(state, now, () => state.ClaimedBy = null);
                case PaymentStatus.Completed or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded:
                    Touch(state, now, () =>
                    {
                        state.PaidBy = claimant;
                        state.ClaimedBy = null;
                        state.Status = OrderStatus.Paid;
                    });
                    ObserveRefund(state, payment, now);
                    return true;
                case PaymentStatus.Cancelled:
                case PaymentStatus.Failed when !FailureReasons.IsRetryable(payment.FailureReason):
                    // An operator may still retry a technical failure, so only a business ending frees the order.
                    return Touch(state, now, () => state.ClaimedBy = null);
                default:
                    return false;
            }
        }

        return state.PaidBy is not null && ObserveRefund(state, payment, now);
    }

    public static OrderOutcome CheckClaim(OrderState state, string paymentId, string userId, Money.Money amount)
    {
        if (state.ClaimedBy == paymentId || state.PaidBy == paymentId)
        {
            return OrderOutcome.Done;
        }

        if (state.Draft!.UserId != userId)
        {
            return OrderOutcome.UserMismatch;
        }

        if (state.Status != OrderStatus.Pending)
        {
            return OrderOutcome.NotPayable;
        }

        if (state.ClaimedBy is not null)
        {
            return OrderOutcome.AlreadyPaid;
        }

        return amount.Amount == state.TotalAmount && amount.Currency == state.Draft.Currency ? OrderOutcome.Done : OrderOutcome.AmountMismatch;
    }

    /// <summary>Items, addresses and notes change only while pending and no payment is in flight; a cancel only while unpaid.</summary>
    public static bool IsModifiable(OrderState state) => state.Status == OrderStatus.Pending && state.ClaimedBy is null;

    /// <summary>An operator's step: forward only, from paid through processing and shipped to delivered.</summary>
    public static bool IsForwardStep(OrderStatus from, OrderStatus to) =>
        to is OrderStatus.Processing or OrderStatus.Shipped or OrderStatus.Delivered &&
        from is OrderStatus.Paid or OrderStatus.Processing or OrderStatus.Shipped &&
        to > from;

    private static bool ObserveRefund(OrderState state, PaymentSnapshot? payment, DateTimeOffset now) =>
        payment is { Status: PaymentStatus.Refunded } && state.Status != OrderStatus.Refunded &&
        Touch(state, now, () => state.Status = OrderStatus.Refunded);

    private static bool Touch(OrderState state, DateTimeOffset now, Action change)
    {
        change();
        state.UpdatedAt = now;
        return true;
    }
}
