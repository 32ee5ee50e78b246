namespace PaymentActors.Wallets;

/// <summary>An active hold on a wallet's funds.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReservationView")]
public sealed record ReservationView(
    [property: Id(0)] string Id,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] ReservationStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt);
