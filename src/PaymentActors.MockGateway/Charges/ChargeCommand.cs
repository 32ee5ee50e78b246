namespace PaymentActors.MockGateway.Charges;

/// <summary>A validated charge request.</summary>
public sealed record ChargeCommand(string PaymentId, string UserId, decimal Amount, string Currency);
