using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Orders;

/// <summary>
/// The order's rules, on its state alone: what a claim, an update, a cancel or an operator's step may do, what the
/// claiming payment's outcome means for the order, and the status history each change extends (who moved it, when).
/// The grain supplies the payment's snapshot, the caller and the time, and persists the result.
/// </summary>
public static class OrderRules
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
                        // The payment moved the order (no actor), at the payment's last update: its completion, unless
                        // the order first hears of it after a refund.
                        SetStatus(state, OrderStatus.Paid, payment.UpdatedAt, actor: null);
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

    /// <summary>A new order: pending, its history opened by <paramref name="actor"/>, who asked for it.</summary>
    public static void Create(OrderState state, OrderDraft pricedDraft, decimal total, string orderNumber, string? actor, DateTimeOffset now)
    {
        (state.Draft, state.TotalAmount, state.OrderNumber) = (pricedDraft, total, orderNumber);
        state.Status = OrderStatus.Pending;
        state.CreatedAt = state.UpdatedAt = now;
        state.History = [new OrderStatusChange(OrderStatus.Pending, now, actor)];
    }

    /// <summary>Cancels an unpaid order; cancelling a cancelled one again changes nothing (<paramref name="changed"/> false).</summary>
    public static OrderOutcome Cancel(OrderState state, string? actor, DateTimeOffset now, out bool changed)
    {
        changed = false;
        if (state.Status == OrderStatus.Cancelled)
        {
            return OrderOutcome.Done;
        }

        if (!IsModifiable(state))
        {
            return OrderOutcome.NotModifiable;
        }

        changed = Touch(state, now, () => SetStatus(state, OrderStatus.Cancelled, now, actor));
        return OrderOutcome.Done;
    }

    /// <summary>An operator's forward step; asking for the current status again changes nothing (<paramref name="changed"/> false).</summary>
    public static OrderOutcome Advance(OrderState state, OrderStatus to, string? actor, DateTimeOffset now, out bool changed)
    {
        changed = false;
        if (state.Status == to)
        {
            return OrderOutcome.Done;
        }

        if (!IsForwardStep(state.Status, to))
        {
            return OrderOutcome.InvalidTransition;
        }

        changed = Touch(state, now, () => SetStatus(state, to, now, actor));
        return OrderOutcome.Done;
    }

    /// <summary>
    /// The order's status changes, oldest first. An order stored before the history was kept shows its creation and its
    /// current status (at its last update), with no actor: what it went through in between was not recorded.
    /// </summary>
    public static IReadOnlyList<OrderStatusChange> HistoryOf(OrderState state) =>
        state.History.Count > 0
            ? [.. state.History]
            : state.Status == OrderStatus.Pending
                ? [new OrderStatusChange(OrderStatus.Pending, state.CreatedAt, null)]
                : [new OrderStatusChange(OrderStatus.Pending, state.CreatedAt, null), new OrderStatusChange(state.Status, state.UpdatedAt, null)];

    /// <summary>An operator's step: forward only, from paid through processing and shipped to delivered.</summary>
    public static bool IsForwardStep(OrderStatus from, OrderStatus to) =>
        to is OrderStatus.Processing or OrderStatus.Shipped or OrderStatus.Delivered &&
        from is OrderStatus.Paid or OrderStatus.Processing or OrderStatus.Shipped &&
        to > from;

    // The full refund's time is the refunded payment's last update; the operator who refunded is on the payment's events.
    private static bool ObserveRefund(OrderState state, PaymentSnapshot? payment, DateTimeOffset now) =>
        payment is { Status: PaymentStatus.Refunded } && state.Status != OrderStatus.Refunded &&
        Touch(state, now, () => SetStatus(state, OrderStatus.Refunded, payment.UpdatedAt, actor: null));

    private static void SetStatus(OrderState state, OrderStatus status, DateTimeOffset at, string? actor)
    {
        if (state.History.Count == 0)
        {
            // An order stored before the history was kept: start from what it shows.
            state.History.AddRange(HistoryOf(state));
        }

        state.Status = status;
        state.History.Add(new OrderStatusChange(status, at, actor));
    }

    private static bool Touch(OrderState state, DateTimeOffset now, Action change)
    {
        change();
        state.UpdatedAt = now;
        return true;
    }
}
