namespace PaymentActors.Wallets;

[GenerateSerializer, Alias("PaymentActors.DepositOutcome")]
public enum DepositOutcome
{
    Deposited = 0,
    CurrencyMismatch = 1,
    /// <summary>The same deposit id with the same amount was applied before; nothing new happened.</summary>
    AlreadyDeposited = 2,
    /// <summary>The deposit id was used before with a different amount or currency.</summary>
    RequestMismatch = 3,
}
