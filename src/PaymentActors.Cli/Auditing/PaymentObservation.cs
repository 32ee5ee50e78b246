namespace PaymentActors.Cli.Auditing;

/// <summary>A payment as the API showed it after the drain.</summary>
public sealed record PaymentObservation(
    string PaymentId,
    string UserId,
    string Status,
    decimal Amount,
    string? Currency,
    string? FailureReason,
    decimal? RefundedAmount,
    string? OrderId = null);
