namespace PaymentActors.Gateway.Http.Contracts;

internal sealed record GatewayErrorDetail(string? Code, string? Message, string? Field);
