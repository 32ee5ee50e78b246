namespace PaymentActors.LoadTest.Api;

internal sealed record ApiErrorBody(string? Code, string? Message, string? Field);
