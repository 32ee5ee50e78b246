namespace PaymentActors.MockGateway.Refunds;

/// <summary>A validated refund request.</summary>
public sealed record RefundCommand(string RefundId, string PaymentId, decimal Amount, string Currency);
