namespace PaymentActors.MockGateway.Charges;

/// <summary>A charge as <c>POST /charges</c> and <c>GET /charges/{payment_id}</c> return it.</summary>
/// <param name="Status"><c>approved</c> or <c>declined</c>.</param>
/// <param name="Reason">Why it was declined; null when approved.</param>
public sealed record ChargeView(
    string PaymentId,
    string ChargeId,
    string Status,
    string? Reason,
    string UserId,
    string Amount,
    string Currency,
    string RefundedAmount,
    DateTimeOffset CreatedAt,
    int Attempt);
