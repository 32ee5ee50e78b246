namespace PaymentActors.Payments;

/// <summary>What a client asked for, optionally paying an order. Two creates of one payment id must carry equal requests.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.PaymentRequest")]
public sealed record PaymentRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ServiceId,
    [property: Id(2)] Money.Money Amount,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? OrderId = null);
