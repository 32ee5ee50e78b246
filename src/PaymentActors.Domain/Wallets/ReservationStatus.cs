namespace PaymentActors.Wallets;

/// <summary>Where a reservation stands. <see cref="Unknown"/>: the wallet never saw it, or forgot it after the retention window.</summary>
[GenerateSerializer, Alias("PaymentActors.ReservationStatus")]
public enum ReservationStatus
{
    Unknown = 0,
    Active = 1,
    Confirmed = 2,
    Released = 3,
    Expired = 4,
}
