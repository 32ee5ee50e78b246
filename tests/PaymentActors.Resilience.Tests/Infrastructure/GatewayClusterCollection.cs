namespace PaymentActors.Resilience.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class GatewayClusterCollection : ICollectionFixture<GatewayClusterFixture>
{
    public const string Name = "gateway-cluster";
}
