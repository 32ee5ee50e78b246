namespace PaymentActors.Orders;

/// <summary>One line of an order; <see cref="TotalPrice"/> is computed on the server (<see cref="OrderPricing"/>).</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] long ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal UnitPrice,
    [property: Id(3)] decimal TotalPrice);
