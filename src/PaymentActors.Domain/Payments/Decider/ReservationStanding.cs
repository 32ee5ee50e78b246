namespace PaymentActors.Payments.Decider;

/// <summary>Where this attempt's hold at the wallet stands, as far as the payment knows.</summary>
[GenerateSerializer, Alias("PaymentActors.ReservationStanding")]
public enum ReservationStanding
{
    /// <summary>Not asked for, or refused.</summary>
    None = 0,
    /// <summary>Asked for without an answer that settles it: it may be held.</summary>
    Unknown = 1,
    Held = 2,
    /// <summary>Deducted, released or expired.</summary>
    Closed = 3,
}
