namespace PaymentActors.MockGateway.Charges;

/// <summary>
/// A charge's idempotency key: the payment and its attempt. A client's retry of a payment that was compensated (its
/// charge refunded) is a new attempt, so it is charged anew instead of being answered with the refunded charge.
/// </summary>
public readonly record struct ChargeKey(string PaymentId, int Attempt);
