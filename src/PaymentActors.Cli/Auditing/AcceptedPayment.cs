namespace PaymentActors.Cli.Auditing;

/// <summary>A payment id the API handed out, with what the request that produced it asked for.</summary>
internal sealed record AcceptedPayment(string PaymentId, string IdempotencyKey, string UserId, decimal Amount, string Currency);
