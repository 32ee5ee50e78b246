namespace PaymentActors.MockGateway.Refunds;

/// <summary>A refund as <c>POST /refunds</c> returns it.</summary>
/// <param name="Status"><c>approved</c> or <c>declined</c>.</param>
/// <param name="Reason">Why it was declined; null when approved.</param>
public sealed record RefundView(
    string RefundId,
    string PaymentId,
    string Status,
    string? Reason,
    string Amount,
    string Currency,
    DateTimeOffset CreatedAt);
