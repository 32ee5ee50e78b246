namespace PaymentActors.Grains.Wallets;

/// <summary>An active hold. Its key is derived from the payment id and attempt: one attempt of a payment, one reservation.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReservationRecord")]
public sealed record ReservationRecord(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string EventId,
    [property: Id(5)] int Attempt = 0)
{
    public string Key => KeyOf(PaymentId, Attempt);

    public string ReservationId => "res_" + Key;

    /// <summary>The first attempt is keyed by the payment id alone, so that keys stay readable.</summary>
    public static string KeyOf(string paymentId, int attempt) => attempt == 0 ? paymentId : paymentId + "#" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
