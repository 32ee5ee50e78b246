using PaymentActors.Orders;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// The order's status history: each change appended once, oldest first, with who made it (the caller for a create, a
/// cancel or an operator's step; nobody for what the payment did) and when.
/// </summary>
public sealed class OrderRulesTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Address Lima = new("Av. Principal 123", "Lima", null, "15001", "Peru");

    [Fact]
    public void A_paid_order_records_its_payment_and_each_operator_step_once()
    {
        var state = NewOrder(actor: "alice");
        state.ClaimedBy = "pay-1";
        var paidAt = Created.AddMinutes(1);

        Assert.True(OrderRules.Observe(state, Payment(PaymentStatus.Completed, paidAt), Created.AddMinutes(5)));
        Assert.Equal(OrderOutcome.Done, OrderRules.Advance(state, OrderStatus.Processing, "back-office-7", Created.AddMinutes(6), out var moved));
        Assert.True(moved);
        Assert.Equal(OrderOutcome.Done, OrderRules.Advance(state, OrderStatus.Processing, "back-office-8", Created.AddMinutes(7), out var again));
        Assert.False(again);
        Assert.Equal(OrderOutcome.InvalidTransition, OrderRules.Advance(state, OrderStatus.Paid, "back-office-8", Created.AddMinutes(8), out var back));
        Assert.False(back);

        Assert.Equal(
            [
                new OrderStatusChange(OrderStatus.Pending, Created, "alice"),
                new OrderStatusChange(OrderStatus.Paid, paidAt, null),
                new OrderStatusChange(OrderStatus.Processing, Created.AddMinutes(6), "back-office-7"),
            ],
            OrderRules.HistoryOf(state));
        Assert.Equal(Created.AddMinutes(6), state.UpdatedAt);
    }

    [Fact]
    public void An_order_first_seen_after_its_full_refund_records_paid_then_refunded_at_the_payments_time()
    {
        var state = NewOrder(actor: "alice");
        state.ClaimedBy = "pay-1";
        var refundedAt = Created.AddMinutes(3);

        Assert.True(OrderRules.Observe(state, Payment(PaymentStatus.Refunded, refundedAt), Created.AddMinutes(9)));
        Assert.False(OrderRules.Observe(state, Payment(PaymentStatus.Refunded, refundedAt), Created.AddMinutes(10)));

        Assert.Equal([OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Refunded], OrderRules.HistoryOf(state).Select(c => c.Status));
        Assert.All(OrderRules.HistoryOf(state).Skip(1), c => Assert.Equal((refundedAt, (string?)null), (c.At, c.Actor)));
    }

    [Fact]
    public void A_cancel_names_who_cancelled_and_is_refused_while_a_payment_is_in_flight()
    {
        var claimed = NewOrder(actor: "alice");
        claimed.ClaimedBy = "pay-1";
        Assert.Equal(OrderOutcome.NotModifiable, OrderRules.Cancel(claimed, "alice", Created.AddMinutes(1), out var refused));
        Assert.False(refused);
        Assert.Single(OrderRules.HistoryOf(claimed));

        var state = NewOrder(actor: "alice");
        Assert.Equal(OrderOutcome.Done, OrderRules.Cancel(state, "alice", Created.AddMinutes(2), out var cancelled));
        Assert.True(cancelled);
        Assert.Equal(OrderOutcome.Done, OrderRules.Cancel(state, "alice", Created.AddMinutes(3), out var again));
        Assert.False(again);
        Assert.Equal(new OrderStatusChange(OrderStatus.Cancelled, Created.AddMinutes(2), "alice"), OrderRules.HistoryOf(state)[^1]);
        Assert.Equal(2, OrderRules.HistoryOf(state).Count);
    }

    [Fact]
    public void An_order_stored_before_the_history_shows_its_creation_and_status_and_keeps_them_when_it_moves()
    {
        // As an order written before History existed reads back: the field is empty.
        var state = NewOrder(actor: null);
        state.History.Clear();
        state.Status = OrderStatus.Paid;
        state.PaidBy = "pay-1";
        state.UpdatedAt = Created.AddMinutes(1);

        Assert.Equal(
            [new OrderStatusChange(OrderStatus.Pending, Created, null), new OrderStatusChange(OrderStatus.Paid, Created.AddMinutes(1), null)],
            OrderRules.HistoryOf(state));

        OrderRules.Advance(state, OrderStatus.Shipped, "back-office-7", Created.AddMinutes(2), out _);

        Assert.Equal([OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Shipped], state.History.Select(c => c.Status));
        Assert.Equal("back-office-7", state.History[^1].Actor);
    }

    private static OrderState NewOrder(string? actor)
    {
        var state = new OrderState();
        var draft = new OrderDraft("alice", "USD", [new OrderLine(1, 1, 10.00m, 10.00m)], Lima, Lima, null);
        OrderRules.Create(state, draft, 10.00m, "ORD-1", actor, Created);
        return state;
    }

    private static PaymentSnapshot Payment(PaymentStatus status, DateTimeOffset updatedAt) =>
        new("pay-1", new PaymentRequest("alice", "shop", new Money.Money(10.00m, "USD"), null, "ord_1"), status, null, Created, updatedAt);
}
