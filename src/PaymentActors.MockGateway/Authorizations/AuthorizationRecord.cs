namespace PaymentActors.MockGateway.Authorizations;

/// <summary>
/// An authorization the gateway processed. What changes (<see cref="CapturedAmount"/>, <see cref="Voided"/>) changes
/// under the ledger's lock; <see cref="RefundedAmount"/> under the charge ledger's refund lock.
/// </summary>
public sealed class AuthorizationRecord(AuthorizeCommand command, string authorizationId, string? declineReason, DateTimeOffset createdAt, DateTimeOffset expiresAt)
{
    public AuthorizeCommand Command { get; } = command;

    public string AuthorizationId { get; } = authorizationId;

    /// <summary>Null when approved.</summary>
    public string? DeclineReason { get; } = declineReason;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>When it lapses if neither captured nor voided.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Approved => DeclineReason is null;

    public decimal? CapturedAmount { get; set; }

    public bool Voided { get; set; }

    public decimal RefundedAmount { get; set; }

    public string StateAt(DateTimeOffset now) => this switch
    {
        { Approved: false } => AuthorizationStates.Declined,
        { CapturedAmount: not null } => AuthorizationStates.Captured,
        { Voided: true } => AuthorizationStates.Voided,
        _ when now >= ExpiresAt => AuthorizationStates.Expired,
        _ => AuthorizationStates.Authorized,
    };
}
