namespace PaymentActors.Cli.Tests.FakeApi;

internal sealed record FakePaymentView(
    string Id,
    string UserId,
    string ServiceId,
    string Status,
    string Amount,
    string Currency,
    string Description,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string RefundedAmount);
