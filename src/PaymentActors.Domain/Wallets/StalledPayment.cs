using PaymentActors.Payments;

namespace PaymentActors.Wallets;

/// <summary>
/// A payment whose wallet holds its unsettled reservation (attempt <see cref="Attempt"/>) since <see cref="Since"/>;
/// <see cref="CreatedAt"/> is the payment's own creation time when the wallet knows it.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.StalledPayment")]
public sealed record StalledPayment(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] PaymentRequest Request,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] DateTimeOffset? CreatedAt = null);
