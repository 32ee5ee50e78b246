namespace PaymentActors.Wallets;

[GenerateSerializer, Alias("PaymentActors.DepositOutcome")]
public enum DepositOutcome
{
    Deposited = 0,
    CurrencyMismatch = 1,
}
