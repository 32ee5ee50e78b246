using PaymentActors.Events;

namespace PaymentActors.Gateway;

[GenerateSerializer, Immutable, Alias("PaymentActors.ChargeResult")]
public sealed record ChargeResult(
    [property: Id(0)] ChargeOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] PaymentEvent? Event);
