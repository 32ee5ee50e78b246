namespace PaymentActors.Payments;

[GenerateSerializer, Immutable, Alias("PaymentActors.RefundResult")]
public sealed record RefundResult(
    [property: Id(0)] RefundOutcome Outcome,
    [property: Id(1)] RefundView? Refund,
    [property: Id(2)] PaymentSnapshot? Payment,
    [property: Id(3)] bool Replayed = false);
