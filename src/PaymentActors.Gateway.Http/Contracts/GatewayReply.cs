namespace PaymentActors.Gateway.Http.Contracts;

/// <summary>The parts of a charge, refund, authorization, capture or void answer the adapter reads.</summary>
internal sealed record GatewayReply(string? Status, string? Reason, string? ChargeId, string? RefundId, string? AuthorizationId = null, string? Id = null, DateTimeOffset? ExpiresAt = null);
