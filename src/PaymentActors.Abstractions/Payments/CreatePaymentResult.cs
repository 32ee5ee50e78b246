namespace PaymentActors.Payments;

[GenerateSerializer, Immutable, Alias("PaymentActors.CreatePaymentResult")]
public sealed record CreatePaymentResult(
    [property: Id(0)] CreatePaymentOutcome Outcome,
    [property: Id(1)] PaymentSnapshot? Payment);
