namespace PaymentActors.Wallets;

/// <summary>A wallet's durable state as shown to callers. <see cref="Available"/> is balance minus reserved.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.WalletSnapshot")]
public sealed record WalletSnapshot(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Balance,
    [property: Id(3)] decimal Reserved,
    [property: Id(4)] long Version,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] IReadOnlyList<ReservationView> Reservations)
{
    public decimal Available => Balance - Reserved;
}
