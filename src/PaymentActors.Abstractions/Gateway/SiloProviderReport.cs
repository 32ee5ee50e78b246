namespace PaymentActors.Gateway;

/// <summary>One silo's view of one provider: its configuration, that silo's breaker for it, and its call figures.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.SiloProviderReport")]
public sealed record SiloProviderReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] GatewayProvider Provider,
    [property: Id(2)] GatewayHealth Health,
    [property: Id(3)] GatewayProviderFigures Figures,
    [property: Id(4)] bool IsDefault);
