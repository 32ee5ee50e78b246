namespace PaymentActors.Api.Health;

public sealed record HealthCheckResponse(string Status, string? Description);
