namespace PaymentActors.Cli.Auditing;

public sealed record SentCancel(string PaymentId, OperationOutcome Outcome);
