namespace PaymentActors.MockGateway.Admin;

/// <param name="Status"><c>ok</c>, or <c>outage</c> (answered with 503) while the gateway is down.</param>
public sealed record HealthView(string Status);
