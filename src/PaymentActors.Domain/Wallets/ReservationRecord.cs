namespace PaymentActors.Wallets;

/// <summary>
/// An active hold. Its key is derived from the payment id and attempt: one attempt of a payment, one reservation.
/// <see cref="Request"/> is the payment's request when the payment relies on the wallet for its recovery (see
/// <see cref="WalletBook.StalledPayments"/>): the reservation is then the payment's only durable record until it ends.
/// <see cref="ListedAt"/> is the payment's creation time, which places it in its user's list (<see cref="PaymentActors.Wallets.ListingRow"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReservationRecord")]
public sealed record ReservationRecord(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string EventId,
    [property: Id(5)] int Attempt = 0,
    [property: Id(6)] PaymentActors.Payments.PaymentRequest? Request = null,
    [property: Id(7)] DateTimeOffset? ListedAt = null)
{
    public string Key => KeyOf(PaymentId, Attempt);

    public string ReservationId => "res_" + Key;

    /// <summary>The first attempt is keyed by the payment id alone, so that keys stay readable.</summary>
    public static string KeyOf(string paymentId, int attempt) => attempt == 0 ? paymentId : paymentId + "#" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
