namespace PaymentActors.Orders;

/// <summary>What an order operation did, and the order as it now stands (null when there is none).</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderResult")]
public sealed record OrderResult(
    [property: Id(0)] OrderOutcome Outcome,
    [property: Id(1)] OrderSnapshot? Order);
