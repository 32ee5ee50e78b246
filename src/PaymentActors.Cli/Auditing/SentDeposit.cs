namespace PaymentActors.Cli.Auditing;

public sealed record SentDeposit(string UserId, string IdempotencyKey, decimal Amount, string Currency, OperationOutcome Outcome);
