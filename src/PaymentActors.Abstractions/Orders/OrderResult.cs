namespace PaymentActors.Orders;

/// <summary>
/// What an order operation did, and the order as it now stands (null when there is none). <see cref="StatusBefore"/> is
/// its status before a status change was asked for (for the operator audit log); null when there was no order.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderResult")]
public sealed record OrderResult(
    [property: Id(0)] OrderOutcome Outcome,
    [property: Id(1)] OrderSnapshot? Order,
    [property: Id(2)] OrderStatus? StatusBefore = null);
