namespace PaymentActors.Payments;

/// <summary>A refund request: its id makes it idempotent; no amount means "whatever is left"; the actor is the operator's token subject.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.RefundCommand")]
public sealed record RefundCommand(
    [property: Id(0)] string RefundId,
    [property: Id(1)] decimal? Amount,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? Actor = null);
