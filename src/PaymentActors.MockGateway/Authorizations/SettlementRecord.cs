namespace PaymentActors.MockGateway.Authorizations;

/// <summary>A capture or a void the gateway decided, approved or declined; replayed to a re-send.</summary>
/// <param name="Id">The capture id, or the authorization id for its void.</param>
public sealed record SettlementRecord(string Id, string AuthorizationId, decimal Amount, string? DeclineReason, DateTimeOffset CreatedAt, decimal? RequestedAmount)
{
    public bool Approved => DeclineReason is null;
}
