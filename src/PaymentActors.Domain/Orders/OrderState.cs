namespace PaymentActors.Orders;

/// <summary>
/// What an order persists: the request, its server-side total, its status and how it got there, and the payment that
/// claimed it (in flight) or paid it.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.OrderState")]
public sealed class OrderState
{
    [Id(0)] public OrderDraft? Draft { get; set; }
    [Id(1)] public decimal TotalAmount { get; set; }
    [Id(2)] public OrderStatus Status { get; set; }
    [Id(3)] public string OrderNumber { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public string? ClaimedBy { get; set; }
    [Id(7)] public DateTimeOffset ClaimedAt { get; set; }
    [Id(8)] public string? PaidBy { get; set; }

    /// <summary>
    /// Every status change, oldest first (<see cref="OrderRules"/> appends them). Short by construction: statuses only
    /// move forward, so an order has at most one entry per status. Empty for an order stored before it was kept.
    /// </summary>
    [Id(9)] public List<OrderStatusChange> History { get; set; } = [];
}
