namespace PaymentActors.Payments;

/// <summary>
/// A money movement at the gateway (seed 004): a <c>charge</c>, a <c>refund</c> (money given back after a charge), or a
/// <c>void</c> (a payment cancelled before its charge: nothing moved, recorded for the audit). Derived from the payment's
/// own state, so it costs no write; its id names the payment, so it resolves without an index.
/// </summary>
public sealed record PaymentTransaction(
    string Id,
    string PaymentId,
    string Type,
    decimal Amount,
    string Currency,
    string Status,
    string? GatewayTransactionId,
    string? FailureReason,
    DateTimeOffset? ProcessedAt,
    DateTimeOffset CreatedAt);
