namespace PaymentActors.Cli.Api;

internal sealed record PaymentEventView(
    string Id,
    string Type,
    string PaymentId,
    string UserId,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt,
    string? Reason,
    string? TraceId);
