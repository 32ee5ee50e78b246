namespace PaymentActors.Gateway.Http.Contracts;

/// <summary>The parts of a charge or refund answer the adapter reads.</summary>
internal sealed record GatewayReply(string? Status, string? Reason, string? ChargeId, string? RefundId);
