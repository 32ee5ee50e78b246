namespace PaymentActors.Wallets;

[GenerateSerializer, Alias("PaymentActors.ReserveOutcome")]
public enum ReserveOutcome
{
    Reserved = 0,
    InsufficientFunds = 1,
    WalletNotFound = 2,
    CurrencyMismatch = 3,
    /// <summary>The payment id was reserved before and that reservation is already closed.</summary>
    AlreadyClosed = 4,
    /// <summary>The wallet already holds as many active reservations as it may (PaymentActors:MaxActiveReservations).</summary>
    TooManyReservations = 5,
}
