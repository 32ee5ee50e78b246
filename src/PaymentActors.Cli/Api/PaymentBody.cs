namespace PaymentActors.Cli.Api;

internal sealed record PaymentBody(string UserId, string ServiceId, decimal Amount, string Currency, string Description);
