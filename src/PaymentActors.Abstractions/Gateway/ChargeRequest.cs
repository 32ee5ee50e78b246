namespace PaymentActors.Gateway;

[GenerateSerializer, Immutable, Alias("PaymentActors.ChargeRequest")]
public sealed record ChargeRequest(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string UserId,
    [property: Id(2)] Money.Money Amount);
