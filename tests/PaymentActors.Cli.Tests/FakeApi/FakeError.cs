namespace PaymentActors.Cli.Tests.FakeApi;

internal sealed record FakeError(int Status, string Code, string Message, string? Field = null);
