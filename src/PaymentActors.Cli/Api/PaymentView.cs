namespace PaymentActors.Cli.Api;

internal sealed record PaymentView(
    string Id,
    string UserId,
    string? ServiceId,
    string Status,
    decimal Amount,
    string? Currency,
    string? Description,
    string? FailureReason,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    decimal? RefundedAmount,
    string? OrderId = null);
