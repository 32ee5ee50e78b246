namespace PaymentActors.Cli.Api;

internal sealed record ApiErrorBody(string? Code, string? Message, string? Field);
