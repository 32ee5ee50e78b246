using PaymentActors.Events;

namespace PaymentActors.Wallets;

/// <summary>
/// The state a reservation is in after a confirm or release. A retry returns the same status and event;
/// a confirm of a released or expired reservation changes nothing and says so.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ReservationResult")]
public sealed record ReservationResult(
    [property: Id(0)] ReservationStatus Status,
    [property: Id(1)] PaymentEvent? Event);
