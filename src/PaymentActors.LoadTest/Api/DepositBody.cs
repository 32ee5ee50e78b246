namespace PaymentActors.LoadTest.Api;

internal sealed record DepositBody(decimal Amount, string Currency);
