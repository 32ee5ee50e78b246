namespace PaymentActors.MockGateway.Refunds;

/// <summary>The body of <c>POST /refunds</c>; <c>attempt</c> (default 0) names which charge of the payment is refunded.</summary>
public sealed record RefundRequestBody(string? RefundId, string? PaymentId, string? Amount, string? Currency, int? Attempt = null);
