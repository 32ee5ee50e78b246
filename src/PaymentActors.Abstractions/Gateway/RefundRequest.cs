namespace PaymentActors.Gateway;

[GenerateSerializer, Immutable, Alias("PaymentActors.RefundRequest")]
public sealed record RefundRequest(
    [property: Id(0)] string RefundId,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] Money.Money Amount);
