namespace PaymentActors.Cli.Api;

internal sealed record DepositBody(decimal Amount, string Currency);
