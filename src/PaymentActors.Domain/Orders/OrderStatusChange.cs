namespace PaymentActors.Orders;

/// <summary>
/// One step of an order's status: what it became, when, and who moved it (the token's <c>sub</c> of the user or operator
/// who created, cancelled or advanced it; null when its payment moved it: paid, refunded).
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderStatusChange")]
public sealed record OrderStatusChange(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Actor);
