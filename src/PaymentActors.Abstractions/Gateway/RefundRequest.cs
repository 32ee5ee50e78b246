namespace PaymentActors.Gateway;

/// <summary>Returns (part of) the charge of one attempt of a payment; idempotent by refund id.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.RefundRequest")]
public sealed record RefundRequest(
    [property: Id(0)] string RefundId,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] Money.Money Amount,
    [property: Id(3)] int Attempt = 0);
