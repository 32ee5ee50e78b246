namespace PaymentActors.Payments;

[GenerateSerializer, Immutable, Alias("PaymentActors.CancelResult")]
public sealed record CancelResult(
    [property: Id(0)] CancelOutcome Outcome,
    [property: Id(1)] PaymentSnapshot? Payment);
