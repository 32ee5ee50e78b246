namespace PaymentActors.Cli.Auditing;

/// <summary>An order the run created for a payment to pay; <paramref name="OrderId"/> is null unless it was confirmed.</summary>
public sealed record SentOrder(string UserId, string IdempotencyKey, decimal Total, string Currency, string? OrderId, OperationOutcome Outcome);
