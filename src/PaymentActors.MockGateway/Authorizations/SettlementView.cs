namespace PaymentActors.MockGateway.Authorizations;

/// <summary>A capture or a void as <c>POST /authorizations/{id}/capture</c> and <c>/void</c> return it.</summary>
/// <param name="Id">The capture id; for a void, the authorization id.</param>
/// <param name="Status"><c>approved</c>, <c>declined</c>, or <c>processing</c> (202).</param>
/// <param name="State">The authorization's state after this request.</param>
public sealed record SettlementView(
    string Id,
    string AuthorizationId,
    string PaymentId,
    string Status,
    string? Reason,
    string Amount,
    string Currency,
    string State,
    DateTimeOffset CreatedAt);
