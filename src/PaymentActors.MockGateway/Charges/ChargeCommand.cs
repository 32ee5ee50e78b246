namespace PaymentActors.MockGateway.Charges;

/// <summary>A validated charge request; <see cref="Key"/> is its idempotency key.</summary>
public sealed record ChargeCommand(string PaymentId, string UserId, decimal Amount, string Currency, int Attempt = 0)
{
    public ChargeKey Key => new(PaymentId, Attempt);
}
