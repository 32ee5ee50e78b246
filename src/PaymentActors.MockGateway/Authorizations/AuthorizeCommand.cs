using PaymentActors.MockGateway.Charges;

namespace PaymentActors.MockGateway.Authorizations;

/// <summary>A validated authorization request; its idempotency key is the payment and attempt, as a charge's.</summary>
public sealed record AuthorizeCommand(string PaymentId, string UserId, decimal Amount, string Currency, int Attempt = 0)
{
    public ChargeKey Key => new(PaymentId, Attempt);
}
