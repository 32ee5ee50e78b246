namespace PaymentActors.Gateway;

/// <summary>One silo's circuit breaker: every silo has its own gateway client, so its own breaker.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.SiloGatewayHealth")]
public sealed record SiloGatewayHealth(
    [property: Id(0)] string Silo,
    [property: Id(1)] GatewayHealth Health);
