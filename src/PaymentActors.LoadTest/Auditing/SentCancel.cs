namespace PaymentActors.LoadTest.Auditing;

public sealed record SentCancel(string PaymentId, OperationOutcome Outcome);
