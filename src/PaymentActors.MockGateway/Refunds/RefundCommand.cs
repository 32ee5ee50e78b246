namespace PaymentActors.MockGateway.Refunds;

/// <summary>A validated refund request of the charge of one attempt of a payment.</summary>
public sealed record RefundCommand(string RefundId, string PaymentId, decimal Amount, string Currency, int Attempt = 0);
