namespace PaymentActors.Api.Health;

public sealed record HealthReportResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);
