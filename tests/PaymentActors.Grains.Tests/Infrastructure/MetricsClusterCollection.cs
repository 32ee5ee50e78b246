namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>A cluster of its own, so that the metrics seen are exactly those of the test's payments.</summary>
[CollectionDefinition(Name)]
public sealed class MetricsClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "metrics-cluster";
}
