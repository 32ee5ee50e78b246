using PaymentActors.Events;

namespace PaymentActors.Wallets;

/// <summary>
/// The result of a reservation. A retried reserve returns the same outcome; <see cref="ClosedAs"/> tells
/// how an earlier reservation of the same payment ended when <see cref="Outcome"/> is AlreadyClosed
/// (and <see cref="Event"/> is then the event that closed it, with its reason).
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReserveResult")]
public sealed record ReserveResult(
    [property: Id(0)] ReserveOutcome Outcome,
    [property: Id(1)] PaymentEvent? Event,
    [property: Id(2)] DateTimeOffset? ExpiresAt = null,
    [property: Id(3)] ReservationStatus ClosedAs = ReservationStatus.Unknown);
