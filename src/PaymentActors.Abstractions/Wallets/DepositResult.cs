namespace PaymentActors.Wallets;

[GenerateSerializer, Immutable, Alias("PaymentActors.DepositResult")]
public sealed record DepositResult(
    [property: Id(0)] DepositOutcome Outcome,
    [property: Id(1)] WalletSnapshot? Wallet);
