namespace PaymentActors.Orders;

/// <summary>A postal address as seed 004 sends it.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.Address")]
public sealed record Address(
    [property: Id(0)] string Street,
    [property: Id(1)] string City,
    [property: Id(2)] string? State,
    [property: Id(3)] string? PostalCode,
    [property: Id(4)] string Country);
