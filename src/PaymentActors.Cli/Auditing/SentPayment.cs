namespace PaymentActors.Cli.Auditing;

/// <summary>Everything sent under one idempotency key, with every answer received, in arrival order.</summary>
public sealed record SentPayment(
    string IdempotencyKey,
    string UserId,
    decimal Amount,
    string Currency,
    IReadOnlyList<SubmitResponse> Responses);
