namespace PaymentActors.MockGateway.Refunds;

/// <summary>The body of <c>POST /refunds</c>.</summary>
public sealed record RefundRequestBody(string? RefundId, string? PaymentId, string? Amount, string? Currency);
