using PaymentActors.Events;

namespace PaymentActors.Wallets;

[GenerateSerializer, Immutable, Alias("PaymentActors.CreditResult")]
public sealed record CreditResult(
    [property: Id(0)] bool Credited,
    [property: Id(1)] PaymentEvent? Event);
