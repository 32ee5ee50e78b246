namespace PaymentActors.Orders;

/// <summary>
/// An order as callers see it. <see cref="PaymentId"/> is the payment that paid it, or the one in flight for it
/// (<see cref="PaymentInFlight"/>). <see cref="StatusHistory"/> is every status it had, oldest first, each with who moved it.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string OrderNumber,
    [property: Id(2)] OrderDraft Draft,
    [property: Id(3)] decimal TotalAmount,
    [property: Id(4)] OrderStatus Status,
    [property: Id(5)] string? PaymentId,
    [property: Id(6)] bool PaymentInFlight,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] IReadOnlyList<OrderStatusChange> StatusHistory);
