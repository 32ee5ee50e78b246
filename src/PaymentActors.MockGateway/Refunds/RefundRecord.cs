namespace PaymentActors.MockGateway.Refunds;

/// <summary>A refund the gateway processed, approved or declined.</summary>
public sealed record RefundRecord(RefundCommand Command, string? DeclineReason, DateTimeOffset CreatedAt)
{
    public bool Approved => DeclineReason is null;
}
