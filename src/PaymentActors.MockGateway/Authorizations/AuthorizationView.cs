namespace PaymentActors.MockGateway.Authorizations;

/// <summary>An authorization as <c>POST /authorizations</c> and <c>GET /authorizations/{id}</c> return it.</summary>
/// <param name="Status"><c>approved</c>, <c>declined</c>, or <c>processing</c> (202: a re-send while the first is processed).</param>
/// <param name="State"><c>authorized</c>, <c>captured</c>, <c>voided</c>, <c>expired</c> (lapsed at <paramref name="ExpiresAt"/>) or <c>declined</c>.</param>
public sealed record AuthorizationView(
    string AuthorizationId,
    string PaymentId,
    string Status,
    string? Reason,
    string State,
    string UserId,
    string Amount,
    string Currency,
    string CapturedAmount,
    string RefundedAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int Attempt);
