namespace PaymentActors.MockGateway.Http;

public sealed record ErrorBody(string Code, string Message, string? Field);
