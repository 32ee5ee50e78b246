namespace PaymentActors.Cli.Auditing;

/// <summary>A refund request; a null <paramref name="Amount"/> asked for the whole payment back.</summary>
public sealed record SentRefund(string PaymentId, decimal? Amount, OperationOutcome Outcome);
