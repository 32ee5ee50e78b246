namespace PaymentActors.Orders;

/// <summary>
/// Seed 004's order statuses. Pending → Paid when its payment completes; Paid → Processing → Shipped → Delivered set by
/// an operator, forward only; Pending → Cancelled by its owner; Paid (or later) → Refunded by a full refund.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.OrderStatus")]
public enum OrderStatus
{
    Pending = 0,
    Paid = 1,
    Processing = 2,
    Shipped = 3,
    Delivered = 4,
    Cancelled = 5,
    Refunded = 6,
}
