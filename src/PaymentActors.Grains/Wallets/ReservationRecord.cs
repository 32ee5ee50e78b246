namespace PaymentActors.Grains.Wallets;

/// <summary>An active hold. Its id is derived from the payment id: one payment, one reservation.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReservationRecord")]
public sealed record ReservationRecord(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string EventId)
{
    public string ReservationId => "res_" + PaymentId;
}
