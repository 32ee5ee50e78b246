namespace PaymentActors.Payments;

/// <summary>A refund request: its id makes it idempotent; no amount means "whatever is left"; the actor is the operator's token subject.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.RefundCommand")]
public sealed record RefundCommand(
    [property: Id(0)] string RefundId,
    [property: Id(1)] decimal? Amount,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? Actor = null)
{
    /// <summary>Refunds one payment may have (declined ones included): they all live in the payment's one storage entity.</summary>
    public const int MaxRefundsPerPayment = 100;

    /// <summary>Characters in a refund's reason, for the same reason.</summary>
    public const int MaxReasonLength = 500;
}
